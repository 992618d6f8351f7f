package com.salesledger.events.credit;

/** A won deal failed the credit check and is held; it adds nothing to exposure until released. */
public record CreditCheckFailed(String customerId, String dealId, CreditCheck check)
    implements CreditAccountEvents {}
