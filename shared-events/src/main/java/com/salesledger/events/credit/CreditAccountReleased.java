package com.salesledger.events.credit;

/** The account's hold was lifted. */
public record CreditAccountReleased(String customerId, String reason)
    implements CreditAccountEvents {}
