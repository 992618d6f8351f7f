package com.salesledger.events.credit;

/** The rating changed from one grade to another. */
public record CreditRatingChanged(
    String customerId, CreditRating from, CreditRating to, String reason)
    implements CreditAccountEvents {}
