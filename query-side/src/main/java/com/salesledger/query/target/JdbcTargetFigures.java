package com.salesledger.query.target;

import com.salesledger.events.common.Period;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
      ScopeLevel level, Period period, TargetMetric metric, LocalDate effectiveOn, Instant asOf) {
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    jdbc.query(
        "select distinct on (v.scope_id) v.scope_id, r.amount from target_view v"
            + " join target_revision r on r.target_id = v.target_id"
            + " where v.level = ? and v.period = ? and v.metric = ? and v.set_at <= ?"
            + " and r.applied_at <= ? and (r.effective_from is null or r.effective_from <= ?)"
            + " order by v.scope_id, r.effective_from desc nulls last, r.applied_at desc,"
            + " r.position desc",
        rs -> {
          amounts.put(rs.getString("scope_id"), rs.getBigDecimal("amount"));
        },
        level.name(),
        period.toString(),
        metric.name(),
        Timestamp.from(asOf),
        Timestamp.from(asOf),
        effectiveOn);
    return amounts;
  }
}
