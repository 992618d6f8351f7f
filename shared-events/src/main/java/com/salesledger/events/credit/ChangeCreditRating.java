package com.salesledger.events.credit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Changes the customer's credit rating, with a reason. */
public record ChangeCreditRating(
    String customerId,
    CreditRating rating,
    String reason,
    @TargetAggregateVersion Long expectedVersion) {

  @TargetAggregateIdentifier
  public String accountId() {
    return CreditAccountIds.of(customerId);
  }
}
