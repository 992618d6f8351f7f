package com.salesledger.events.target;

import com.salesledger.events.common.Period;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets a target for a scope, period and metric; there is one target per the three. */
public record SetTarget(
    TargetScope scope,
    Period period,
    TargetMetric metric,
    BigDecimal amount,
    String currency,
    String reason) {

  public String targetId() {
    return TargetIds.of(scope, period, metric);
  }

  @TargetAggregateIdentifier
  public String streamId() {
    return TargetIds.stream(targetId());
  }
}
