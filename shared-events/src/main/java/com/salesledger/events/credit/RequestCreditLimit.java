package com.salesledger.events.credit;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Asks for a new credit limit: a decrease applies at once, an increase waits for a second person.
 */
public record RequestCreditLimit(
    String customerId,
    BigDecimal newLimit,
    String reason,
    @TargetAggregateVersion Long expectedVersion) {

  @TargetAggregateIdentifier
  public String accountId() {
    return CreditAccountIds.of(customerId);
  }
}
