package com.salesledger.events.credit;

/** The customer is flagged by the early warning (or the reasons changed). */
public record CreditWarningRaised(String customerId, CreditWarning warning)
    implements CreditAccountEvents {}
