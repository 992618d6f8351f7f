package com.salesledger.events.credit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rejects a pending limit increase, with a reason. */
public record RejectCreditLimitRequest(String customerId, String requestId, String reason) {

  @TargetAggregateIdentifier
  public String accountId() {
    return CreditAccountIds.of(customerId);
  }
}
