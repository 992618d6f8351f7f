package com.salesledger.events.credit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Releases the credit account from hold. */
public record ReleaseCreditAccount(
    String customerId, String reason, @TargetAggregateVersion Long expectedVersion) {

  @TargetAggregateIdentifier
  public String accountId() {
    return CreditAccountIds.of(customerId);
  }
}
