package com.salesledger.events.credit;

import java.math.BigDecimal;

/** The limit changed: a decrease at once ({@code approvedBy} null), an increase once approved. */
public record CreditLimitChanged(
    String customerId,
    String requestId,
    BigDecimal previousLimit,
    BigDecimal newLimit,
    String requestedBy,
    String approvedBy,
    String reason)
    implements CreditAccountEvents {}
