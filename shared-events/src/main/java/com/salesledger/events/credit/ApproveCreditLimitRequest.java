package com.salesledger.events.credit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approves a pending limit increase; never by the person who requested it. */
public record ApproveCreditLimitRequest(String customerId, String requestId, String reason) {

  @TargetAggregateIdentifier
  public String accountId() {
    return CreditAccountIds.of(customerId);
  }
}
