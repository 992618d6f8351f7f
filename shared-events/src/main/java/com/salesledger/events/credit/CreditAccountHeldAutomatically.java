package com.salesledger.events.credit;

/** The system put the account on hold: the warning passed the hard threshold (actor: system). */
public record CreditAccountHeldAutomatically(String customerId, CreditWarning warning)
    implements CreditAccountEvents {}
