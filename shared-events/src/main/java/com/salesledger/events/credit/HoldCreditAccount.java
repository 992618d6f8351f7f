package com.salesledger.events.credit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Puts the credit account on hold: every deal of the customer won meanwhile is held. */
public record HoldCreditAccount(
    String customerId, String reason, @TargetAggregateVersion Long expectedVersion) {

  @TargetAggregateIdentifier
  public String accountId() {
    return CreditAccountIds.of(customerId);
  }
}
