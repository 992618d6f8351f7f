package com.salesledger.events.credit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Re-evaluates the early warnings of an account as of today (sent by the system). */
public record EvaluateCreditWarnings(String customerId) {

  @TargetAggregateIdentifier
  public String accountId() {
    return CreditAccountIds.of(customerId);
  }
}
