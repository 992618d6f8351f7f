package com.salesledger.events.credit;

import java.time.LocalDate;

/** Invoices issued on or after {@code effectiveFrom} are due after {@code toDays} days. */
public record PaymentTermsChanged(
    String customerId, int fromDays, int toDays, LocalDate effectiveFrom, String reason)
    implements CreditAccountEvents {}
