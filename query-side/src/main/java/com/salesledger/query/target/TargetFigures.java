package com.salesledger.query.target;

import com.salesledger.events.common.Period;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.platform.security.DataScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The targets feature's answer to "what was the target", published for the dashboard's attainment:
 * the one place that knows which revision of a target is in force. The dashboard may depend on this
 * interface and nothing else of the feature.
 */
public interface TargetFigures {

  /**
   * The processor behind these figures: a read-your-writes query that shows targets waits for it as
   * well as for its own.
   */
  String PROCESSOR = "targets";

  /**
   * The amount in force on {@code effectiveOn}, as the ledger knew it at {@code asOf}, of every
   * target set for {@code level}, {@code period} and {@code metric}, keyed by the scope's id (the
   * rep's user name, the team id, the region id, or {@code "COMPANY"}). Scopes without such a
   * target are absent from the map, and so are targets outside {@code scope} (the rule of the
   * targets query: a REP or TEAM target of the scope's reps and teams; REGION and COMPANY targets
   * only for an unlimited scope).
   */
  Map<String, BigDecimal> amountsInForce(
      ScopeLevel level,
      Period period,
      TargetMetric metric,
      LocalDate effectiveOn,
      Instant asOf,
      DataScope scope);

  /**
   * {@link #amountsInForce} of every metric at once, each metric present (empty when it has no
   * target). An implementation may answer it in one look-up; this one asks metric by metric.
   */
  default Map<TargetMetric, Map<String, BigDecimal>> amountsInForceByMetric(
      ScopeLevel level, Period period, LocalDate effectiveOn, Instant asOf, DataScope scope) {
    Map<TargetMetric, Map<String, BigDecimal>> byMetric = new EnumMap<>(TargetMetric.class);
    for (TargetMetric metric : TargetMetric.values()) {
      byMetric.put(metric, amountsInForce(level, period, metric, effectiveOn, asOf, scope));
    }
    return byMetric;
  }

  /**
   * {@link #amountsInForceByMetric} of several periods at once, each on its own day ({@code
   * effectiveOn} of the period), keyed by period in the order given. An implementation may answer
   * it in one look-up; this one asks period by period.
   */
  default Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> amountsInForceByPeriod(
      ScopeLevel level,
      List<Period> periods,
      Function<Period, LocalDate> effectiveOn,
      Instant asOf,
      DataScope scope) {
    Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> byPeriod = new LinkedHashMap<>();
    for (Period period : periods) {
      byPeriod.put(
          period, amountsInForceByMetric(level, period, effectiveOn.apply(period), asOf, scope));
    }
    return byPeriod;
  }
}
