package com.salesledger.events.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A new amount from {@code effectiveFrom} on (a day within the target's period). */
public record ReviseTarget(
    String targetId,
    BigDecimal amount,
    LocalDate effectiveFrom,
    String reason,
    @TargetAggregateVersion Long expectedVersion) {

  @TargetAggregateIdentifier
  public String streamId() {
    return TargetIds.stream(targetId);
  }
}
