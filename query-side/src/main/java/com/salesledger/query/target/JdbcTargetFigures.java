package com.salesledger.query.target;

import com.salesledger.events.common.Period;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.platform.security.DataScope;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link TargetFigures} in one indexed query: per target of the level, period and metric, the
 * revision in force on the day as known at the instant (the same rule as {@link JdbcTargetViews}):
 * in force from its recording or approval, applying from its effective day, the latest effective
 * day first, then the latest to come into force. Waiting and rejected revisions never count.
 */
@Component
class JdbcTargetFigures implements TargetFigures {

  private final JdbcTemplate jdbc;

  JdbcTargetFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, BigDecimal> amountsInForce(
      ScopeLevel level,
      Period period,
      TargetMetric metric,
      LocalDate effectiveOn,
      Instant asOf,
      DataScope scope) {
    return inForce(level, period, List.of(metric), effectiveOn, asOf, scope).get(metric);
  }

  /** One query for all metrics: a dashboard by month asked 4 queries per month before. */
  @Override
  public Map<TargetMetric, Map<String, BigDecimal>> amountsInForceByMetric(
      ScopeLevel level, Period period, LocalDate effectiveOn, Instant asOf, DataScope scope) {
    return inForce(level, period, List.of(TargetMetric.values()), effectiveOn, asOf, scope);
  }

  private Map<TargetMetric, Map<String, BigDecimal>> inForce(
      ScopeLevel level,
      Period period,
      List<TargetMetric> metrics,
      LocalDate effectiveOn,
      Instant asOf,
      DataScope scope) {
    TargetScopeFilter covered = TargetScopeFilter.of(scope, "v");
    List<Object> args = new ArrayList<>();
    args.add(level.name());
    args.add(period.toString());
    args.add(metrics.stream().map(Enum::name).toArray(String[]::new));
    args.add(Timestamp.from(asOf));
    args.addAll(covered.args());
    args.add(Timestamp.from(asOf));
    args.add(effectiveOn);
    Map<TargetMetric, Map<String, BigDecimal>> amounts = new EnumMap<>(TargetMetric.class);
    metrics.forEach(metric -> amounts.put(metric, new LinkedHashMap<>()));
    jdbc.query(
        "select distinct on (v.metric, v.scope_id) v.metric, v.scope_id, r.amount"
            + " from target_view v join target_revision r on r.target_id = v.target_id"
            + " where v.level = ? and v.period = ? and v.metric = any(?) and v.set_at <= ?"
            + covered.sql()
            + " and r.applied_at <= ? and (r.effective_from is null or r.effective_from <= ?)"
            + " order by v.metric, v.scope_id, r.effective_from desc nulls last,"
            + " r.applied_at desc, r.position desc",
        rs -> {
          amounts
              .get(TargetMetric.valueOf(rs.getString("metric")))
              .put(rs.getString("scope_id"), rs.getBigDecimal("amount"));
        },
        args.toArray());
    return amounts;
  }
}
