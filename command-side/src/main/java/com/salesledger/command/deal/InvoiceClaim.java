package com.salesledger.command.deal;

/** What an invoice copies from the won deal it bills: customer, attribution and currency. */
public record InvoiceClaim(
    String dealId,
    String customerId,
    String ownerRep,
    String team,
    String region,
    String currency) {}
