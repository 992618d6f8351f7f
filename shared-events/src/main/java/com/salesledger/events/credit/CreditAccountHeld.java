package com.salesledger.events.credit;

/** A finance user put the account on hold. */
public record CreditAccountHeld(String customerId, String reason) implements CreditAccountEvents {}
