package com.salesledger.events.credit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Changes the payment terms of invoices issued from today on, with a reason. */
public record ChangePaymentTerms(
    String customerId,
    int paymentTermsDays,
    String reason,
    @TargetAggregateVersion Long expectedVersion) {

  @TargetAggregateIdentifier
  public String accountId() {
    return CreditAccountIds.of(customerId);
  }
}
