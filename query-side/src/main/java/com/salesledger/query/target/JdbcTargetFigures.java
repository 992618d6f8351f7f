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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link TargetFigures} in one indexed query: per target of the level, periods and metrics, the
 * revision in force on the day as known at the instant (the same rule as {@link JdbcTargetViews}):
 * in force from its recording or approval, applying from its effective day, the latest effective
 * day first, then the latest to come into force. Waiting and rejected revisions never count. A
 * settled target (the usual case) answers from its own row, without reading its revisions. An
 * answer for an instant after everything in the tables is kept while no target row changes ({@link
 * KeptInForce}): the present dashboard asks the same targets again and again.
 */
@Component
class JdbcTargetFigures implements TargetFigures {

  /**
   * The order of a target's applied revisions in which the first in effect is in force: the latest
   * effective day, then the latest to come into force (the settled amount is the first of all).
   */
  static final String IN_FORCE_ORDER =
      "effective_from desc nulls last, applied_at desc, position desc";

  private final JdbcTemplate jdbc;
  private final KeptInForce kept;

  JdbcTargetFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.kept = new KeptInForce(jdbc);
  }

  /** How many answers were given again from those kept (tests tell reuse from reading). */
  long answersGivenAgain() {
    return kept.given();
  }

  @Override
  public Map<String, BigDecimal> amountsInForce(
      ScopeLevel level,
      Period period,
      TargetMetric metric,
      LocalDate effectiveOn,
      Instant asOf,
      DataScope scope) {
    return inForce(level, List.of(period), p -> effectiveOn, List.of(metric), asOf, scope)
        .get(period)
        .get(metric);
  }

  /** One query for all metrics: a dashboard by month asked 4 queries per month before. */
  @Override
  public Map<TargetMetric, Map<String, BigDecimal>> amountsInForceByMetric(
      ScopeLevel level, Period period, LocalDate effectiveOn, Instant asOf, DataScope scope) {
    return inForce(
            level, List.of(period), p -> effectiveOn, List.of(TargetMetric.values()), asOf, scope)
        .get(period);
  }

  /** One query for all periods: a year's dashboard by month asked one per month before. */
  @Override
  public Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> amountsInForceByPeriod(
      ScopeLevel level,
      List<Period> periods,
      Function<Period, LocalDate> effectiveOn,
      Instant asOf,
      DataScope scope) {
    return inForce(level, periods, effectiveOn, List.of(TargetMetric.values()), asOf, scope);
  }

  private Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> inForce(
      ScopeLevel level,
      List<Period> periods,
      Function<Period, LocalDate> effectiveOn,
      List<TargetMetric> metrics,
      Instant asOf,
      DataScope scope) {
    List<LocalDate> days = periods.stream().map(effectiveOn).toList();
    KeptInForce.Question question =
        new KeptInForce.Question(level, List.copyOf(periods), days, List.copyOf(metrics), scope);
    Optional<Map<Period, Map<TargetMetric, Map<String, BigDecimal>>>> known =
        kept.answer(question, asOf);
    if (known.isPresent()) {
      return known.get();
    }
    TargetScopeFilter covered = TargetScopeFilter.of(scope, "v");
    List<Object> args = new ArrayList<>();
    args.add(Timestamp.from(asOf));
    args.add(Timestamp.from(asOf));
    // each period with its own day, as two parallel arrays the query unnests
    args.add(periods.stream().map(Period::toString).toArray(String[]::new));
    args.add(days.stream().map(LocalDate::toString).toArray(String[]::new));
    args.add(level.name());
    args.add(metrics.stream().map(Enum::name).toArray(String[]::new));
    args.add(Timestamp.from(asOf));
    args.addAll(covered.args());
    Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> amounts = new LinkedHashMap<>();
    Map<String, Map<TargetMetric, Map<String, BigDecimal>>> byText = new HashMap<>();
    for (Period period : periods) {
      Map<TargetMetric, Map<String, BigDecimal>> byMetric = new EnumMap<>(TargetMetric.class);
      metrics.forEach(metric -> byMetric.put(metric, new LinkedHashMap<>()));
      amounts.put(period, byMetric);
      byText.put(period.toString(), byMetric);
    }
    KeptInForce.State[] state = new KeptInForce.State[1];
    jdbc.query(
        // The state read in the same statement (for keeping the answer), then the amounts.
        // A settled target (V300: every applied revision known at the instant and in effect on
        // the day) answers its settled amount; the others their first revision in force. No
        // revision in force yet: no amount, and no entry (filtered here: a condition on the
        // amount in the query would evaluate the look-up twice).
        "select c.*, a.* from "
            + KeptInForce.State.columns()
            + " left join (select v.period, v.metric, v.scope_id,"
            + " case when v.last_applied_at <= ?"
            + " and (v.settled_from is null or v.settled_from <= asked.effective_on::date)"
            + " then v.settled_amount"
            + " else (select r.amount from target_revision r where r.target_id = v.target_id"
            + " and r.applied_at <= ?"
            + " and (r.effective_from is null or r.effective_from <= asked.effective_on::date)"
            + " order by "
            + IN_FORCE_ORDER
            + " limit 1) end as amount"
            + " from unnest(?::text[], ?::text[]) as asked(period, effective_on)"
            + " join target_view v on v.period = asked.period"
            + " where v.level = ? and v.metric = any(?) and v.set_at <= ?"
            + covered.sql()
            + ") a on true",
        rs -> {
          if (state[0] == null) {
            state[0] = KeptInForce.State.of(rs);
          }
          BigDecimal amount = rs.getBigDecimal("amount");
          if (amount != null) {
            byText
                .get(rs.getString("period"))
                .get(TargetMetric.valueOf(rs.getString("metric")))
                .put(rs.getString("scope_id"), amount);
          }
        },
        args.toArray());
    kept.keep(question, asOf, state[0], amounts);
    return amounts;
  }
}
