package com.salesledger.events.credit;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the credit account of a customer (one per customer). */
public record OpenCreditAccount(
    String customerId,
    CreditRating rating,
    BigDecimal limit,
    String currency,
    int paymentTermsDays) {

  @TargetAggregateIdentifier
  public String accountId() {
    return CreditAccountIds.of(customerId);
  }
}
