package com.salesledger.events.credit;

import java.time.LocalDate;

/** No early-warning reason holds any more. */
public record CreditWarningCleared(String customerId, LocalDate evaluatedOn)
    implements CreditAccountEvents {}
