package com.salesledger.query.target;

import com.salesledger.events.common.Period;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY: replaced at merge by the targets feature. Until then no target is known, so the
 * dashboard shows every attainment absent (never zero).
 */
@Component
class NoTargetsYet implements TargetFigures {

  @Override
  public Map<String, BigDecimal> amountsInForce(
      ScopeLevel level, Period period, TargetMetric metric, LocalDate effectiveOn, Instant asOf) {
    return Map.of();
  }
}
