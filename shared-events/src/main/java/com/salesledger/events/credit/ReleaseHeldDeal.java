package com.salesledger.events.credit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Finance releases a deal from credit hold: it is booked as won. */
public record ReleaseHeldDeal(String customerId, String dealId, String reason) {

  @TargetAggregateIdentifier
  public String accountId() {
    return CreditAccountIds.of(customerId);
  }
}
