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
 * The amount in force per scope, in one indexed query: for each target of the level, period and
 * metric, the revision with the highest sequence number among those effective by the day and
 * recorded by the instant (waiting revisions are not revisions until approved, and count from the
 * approval's instant). A day before the period counts as its first day.
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
    LocalDate on = effectiveOn.isBefore(period.start()) ? period.start() : effectiveOn;
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    jdbc.query(
        "select distinct on (t.target_id) t.scope_id, r.amount"
            + " from target_view t join target_revision r on r.target_id = t.target_id"
            + " where t.scope_level = ? and t.period = ? and t.metric = ?"
            + " and r.effective_from <= ? and r.recorded_at <= ?"
            + " order by t.target_id, r.seq desc",
        rs -> {
          amounts.put(rs.getString(1), rs.getBigDecimal(2));
        },
        level.name(),
        period.toString(),
        metric.name(),
        on,
        Timestamp.from(asOf));
    return amounts;
  }
}
