package com.salesledger.query.target;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.salesledger.events.common.Period;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.HeldSnapshot;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The targets in force, kept per question while no target row changed: targets change a few times a
 * year, and at 10 million events looking up 2,000 reps' targets cost a dashboard question 6 ms, a
 * quarter of a year by rep.
 *
 * <p>An answer is kept with the snapshot it was read in and the latest instant anything in the
 * tables is dated (a target set, a revision applied), and given again to a reader whose snapshot
 * sees everything that one saw and in which no target row was written since it ({@link
 * HeldSnapshot}: every row names the transaction that last wrote it, V370), the tables being the
 * same (no rebuild swap, retry or TRUNCATE). The in-force rule reads only rows dated up to the
 * instant asked; an answer read for an instant after everything in the tables is dated answers for
 * every such instant, so only those are kept, and only given for such instants.
 */
final class KeptInForce {

  /** What was asked: the level, each period with its day, the metrics and the caller's scope. */
  record Question(
      ScopeLevel level,
      List<Period> periods,
      List<LocalDate> days,
      List<TargetMetric> metrics,
      DataScope scope) {}

  /**
   * The state one statement read its answer in: its snapshot, the read-model generation, both
   * tables' files and the latest instant in them (null when they are empty).
   */
  record State(String snapshot, long generation, long view, long revisions, Instant lastRecorded) {

    /** The columns of {@link #of} for a statement's subquery {@code c}. */
    static String columns() {
      return HeldSnapshot.statementColumns(
          "target_view",
          "pg_relation_filenode('target_revision')::bigint as rtab,"
              + " greatest((select max(set_at) from target_view),"
              + " (select max(applied_at) from target_revision)) as last_recorded");
    }

    static State of(ResultSet rs) throws SQLException {
      Timestamp last = rs.getTimestamp("last_recorded");
      return new State(
          rs.getString("snap"),
          rs.getLong("generation"),
          rs.getLong("tab"),
          rs.getLong("rtab"),
          last == null ? null : last.toInstant());
    }

    /** Whether an answer read for {@code asOf} in this state holds for any instant after it. */
    boolean answersEveryLaterInstant(Instant asOf) {
      return lastRecorded == null || !asOf.isBefore(lastRecorded);
    }
  }

  private record Kept(
      State state, Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> amounts) {}

  /** At most this many amounts are kept (a year's targets of 2,000 reps, four metrics: 8,000). */
  private static final long MOST_AMOUNTS = 200_000;

  private final JdbcTemplate jdbc;
  private final java.util.concurrent.atomic.AtomicLong given =
      new java.util.concurrent.atomic.AtomicLong();
  private final Cache<Question, Kept> kept =
      Caffeine.newBuilder()
          .maximumWeight(MOST_AMOUNTS)
          .<Question, Kept>weigher((question, answer) -> 1 + amounts(answer.amounts()))
          .build();

  KeptInForce(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The answer kept for {@code question}, if it still holds at {@code asOf} for this snapshot. */
  Optional<Map<Period, Map<TargetMetric, Map<String, BigDecimal>>>> answer(
      Question question, Instant asOf) {
    Kept answer = kept.getIfPresent(question);
    if (answer == null || !answer.state().answersEveryLaterInstant(asOf) || !holds(answer)) {
      return Optional.empty();
    }
    given.incrementAndGet();
    return Optional.of(answer.amounts());
  }

  /** How many answers were given from what was kept (tests tell reuse from reading). */
  long given() {
    return given.get();
  }

  /**
   * Keeps an answer read for {@code asOf} in {@code state}, if it holds for every later instant.
   */
  void keep(
      Question question,
      Instant asOf,
      State state,
      Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> amounts) {
    if (state.answersEveryLaterInstant(asOf)) {
      kept.put(question, new Kept(state, unmodifiable(amounts)));
    }
  }

  /** Whether this snapshot's target tables are those the answer was read from. */
  private boolean holds(Kept answer) {
    String held = answer.state().snapshot();
    Boolean same =
        jdbc.queryForObject(
            "select c.includes_held and not c.changed and c.generation = ? and c.tab = ?"
                + " and c.rtab = ? from "
                + HeldSnapshot.statementColumns(
                    "target_view",
                    "pg_relation_filenode('target_revision')::bigint as rtab, "
                        + HeldSnapshot.INCLUDES_HELD
                        + " as includes_held, "
                        + latestWriteSince("target_view")
                        + " or "
                        + latestWriteSince("target_revision")
                        + " as changed"),
            Boolean.class,
            answer.state().generation(),
            answer.state().view(),
            answer.state().revisions(),
            held,
            held,
            held,
            held,
            held);
    return Boolean.TRUE.equals(same);
  }

  /**
   * Whether the latest transaction that wrote a row of {@code table} is at or after the held
   * snapshot's oldest running one. Asked as the maximum, which PostgreSQL finds at the end of the
   * index: as "exists a row written since", it chose to read the whole table looking for one (6 ms
   * for the 22,000 targets of 10 million events, twice a question) while the column had no
   * statistics.
   */
  private static String latestWriteSince(String table) {
    return "coalesce((select max(t.changed_by) from "
        + table
        + " t) >= pg_snapshot_xmin(?::pg_snapshot), false)";
  }

  private static int amounts(Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> amounts) {
    int count = 0;
    for (Map<TargetMetric, Map<String, BigDecimal>> byMetric : amounts.values()) {
      for (Map<String, BigDecimal> byScope : byMetric.values()) {
        count += byScope.size();
      }
    }
    return count;
  }

  /** A kept answer is given to many callers: none may change it. */
  private static Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> unmodifiable(
      Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> amounts) {
    Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> copy = new LinkedHashMap<>();
    amounts.forEach(
        (period, byMetric) -> {
          Map<TargetMetric, Map<String, BigDecimal>> metrics =
              new java.util.EnumMap<>(TargetMetric.class);
          byMetric.forEach(
              (metric, byScope) -> metrics.put(metric, Collections.unmodifiableMap(byScope)));
          copy.put(period, Collections.unmodifiableMap(metrics));
        });
    return Collections.unmodifiableMap(copy);
  }
}
