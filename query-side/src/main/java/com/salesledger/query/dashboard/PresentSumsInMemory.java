package com.salesledger.query.dashboard;

import com.salesledger.query.common.Cents;
import com.salesledger.query.common.HeldSnapshot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The present roll-ups' rows of the periods asked lately, held in memory for the present dashboard:
 * at 10 million events PostgreSQL summed 12,000 team-month rows twice for a year by month (12.6 ms
 * of its 15), and a year by rep read and decoded 4,000 rows, while at four clients on two cores the
 * answers queued behind one another.
 *
 * <p>Per roll-up, what is held is the rows of some periods exactly as one database snapshot saw
 * them ({@link HeldSnapshot}). A reader brings them up to its own snapshot with the rows written
 * since (every row names the transaction that last wrote it, V360), and reads the periods it asks
 * that are not held yet, in the same statement. Rows are replaced whole, so reading one twice is
 * harmless; what was held is never changed, the brought-up copy replaces it for the next reader
 * unless another reader replaced it first. A reader whose snapshot is older than the one held
 * cannot go back and the caller reads the database instead; after a rebuild swap, a dead-letter
 * retry or an emptied table the asked periods are read anew.
 */
@Component
class PresentSumsInMemory {

  /** The present roll-ups held: each by its period column, with its attribution columns. */
  enum Rollup {
    REP_MONTH("sales_rep_month", "month", "rep", "null::varchar"),
    TEAM_MONTH("sales_team_month", "month", "null::varchar", "product_line"),
    REP_YEAR("sales_rep_year", "year", "rep", "null::varchar"),
    TEAM_YEAR("sales_team_year", "year", "null::varchar", "product_line");

    final String table;
    private final String periodColumn;
    private final String columns;

    Rollup(String table, String periodColumn, String rep, String line) {
      this.table = table;
      this.periodColumn = periodColumn;
      this.columns =
          "t."
              + periodColumn
              + ", "
              + rep
              + ", t.team, t.region, "
              + line
              + ", t.revenue, t.cost, t.deals_won, t.deals_lost, t.cycle_days_won, t.held_deals,"
              + " t.held_amount, t.collections, t.new_customers";
    }
  }

  /** The sums of a row, in the order of {@link Row#sums}; money in whole cents. */
  static final int REVENUE = 0;

  static final int COST = 1;
  static final int WON = 2;
  static final int LOST = 3;
  static final int CYCLE_DAYS = 4;
  static final int HELD = 5;
  static final int HELD_AMOUNT = 6;
  static final int COLLECTIONS = 7;
  static final int NEW_CUSTOMERS = 8;
  static final int SUMS = 9;

  /** One roll-up row: its period's first day, its attribution (null where the roll-up has none). */
  record Row(LocalDate period, String rep, String team, String region, String line, long[] sums) {
    Key key() {
      return new Key(rep, team, region, line);
    }
  }

  /** A row's identity within its period. */
  private record Key(String rep, String team, String region, String line) {}

  /** The rows of some periods of one roll-up, as one snapshot saw them, and the table they are. */
  private record Held(HeldSnapshot.Identity identity, Map<LocalDate, Map<Key, Row>> periods) {}

  /** What one statement saw: its snapshot, the table's identity, and the rows it read. */
  private record Seen(HeldSnapshot.Identity identity, boolean includesHeld, List<Row> rows) {}

  /**
   * At most this many periods are held per roll-up; past it, only those just asked are kept (the
   * dashboard asks a period and the year before, a year by month 24 months).
   */
  static final int MAX_PERIODS = 48;

  private final JdbcTemplate jdbc;
  private final Map<Rollup, AtomicReference<Held>> held = new EnumMap<>(Rollup.class);
  private final AtomicLong periodsRead = new AtomicLong();

  PresentSumsInMemory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    for (Rollup rollup : Rollup.values()) {
      held.put(rollup, new AtomicReference<>());
    }
  }

  /**
   * The rows of {@code periods} (first days) of {@code rollup} as the caller's snapshot sees them;
   * empty when memory cannot tell (the caller's snapshot is older than the one held), and the
   * database should be read.
   */
  Optional<List<Row>> rows(Rollup rollup, Collection<LocalDate> periods) {
    AtomicReference<Held> ref = held.get(rollup);
    Held base = ref.get();
    Held now = null;
    if (base != null) {
      List<LocalDate> missing = missing(base, periods);
      Seen since = changedSince(rollup, base, missing);
      if (!since.includesHeld()) {
        return Optional.empty();
      }
      if (since.identity().sameTable(base.identity())) {
        now = since.rows().isEmpty() && missing.isEmpty() ? base : broughtUp(base, since, periods);
      }
    }
    if (now == null) {
      Seen all = read(rollup, "true", List.copyOf(periods), List.of());
      now = broughtUp(new Held(all.identity(), Map.of()), all, periods);
    }
    if (now != base) {
      ref.compareAndSet(base, now);
    }
    List<Row> rows = new ArrayList<>();
    for (LocalDate period : periods) {
      rows.addAll(now.periods().getOrDefault(period, Map.of()).values());
    }
    return Optional.of(rows);
  }

  /** How many periods were read whole (rather than from the rows changed since). */
  long periodsRead() {
    return periodsRead.get();
  }

  private static List<LocalDate> missing(Held base, Collection<LocalDate> periods) {
    return periods.stream().filter(p -> !base.periods().containsKey(p)).distinct().toList();
  }

  /**
   * The held periods with the rows seen replacing theirs (a period read whole starts empty), each
   * changed period copied, the others shared; past {@link #MAX_PERIODS}, only those asked are kept.
   */
  private Held broughtUp(Held base, Seen seen, Collection<LocalDate> asked) {
    Map<LocalDate, Map<Key, Row>> periods = new LinkedHashMap<>(base.periods());
    if (periods.size() + missing(base, asked).size() > MAX_PERIODS) {
      periods.keySet().retainAll(asked);
    }
    for (LocalDate period : asked) {
      periods.computeIfAbsent(
          period,
          p -> {
            periodsRead.incrementAndGet();
            return Map.of();
          });
    }
    Map<LocalDate, Map<Key, Row>> copied = new HashMap<>();
    for (Row row : seen.rows()) {
      if (!periods.containsKey(row.period())) {
        continue; // a period nobody asked lately: not held
      }
      copied
          .computeIfAbsent(
              row.period(),
              p -> {
                Map<Key, Row> copy = new HashMap<>(periods.get(p));
                periods.put(p, copy);
                return copy;
              })
          .put(row.key(), row);
    }
    return new Held(seen.identity(), periods);
  }

  /**
   * The rows written at or after the held snapshot's oldest running transaction, and every row of
   * the {@code missing} periods, with whether this snapshot sees everything the held one saw.
   */
  private Seen changedSince(Rollup rollup, Held base, List<LocalDate> missing) {
    return read(
        rollup,
        HeldSnapshot.INCLUDES_HELD,
        missing,
        Collections.nCopies(4, base.identity().snapshot()));
  }

  /**
   * One statement: its snapshot, the table's identity and the rows, read together: those of {@code
   * periods}, and with held snapshots given (four times: for {@code includesHeld} and the rows
   * changed since) those written since the held one too.
   */
  private Seen read(
      Rollup rollup, String includesHeld, List<LocalDate> periods, List<String> snapshots) {
    List<Object> args = new ArrayList<>(snapshots.subList(0, Math.min(3, snapshots.size())));
    String select = "select " + rollup.columns + " from " + rollup.table + " t where ";
    String rows = select + "t." + rollup.periodColumn + " = any(?::date[])";
    args.add(periods.stream().map(LocalDate::toString).toArray(String[]::new));
    if (!snapshots.isEmpty()) {
      rows = rows + " union all " + select + HeldSnapshot.changedSince("t");
      args.add(snapshots.get(3));
    }
    return jdbc.query(
        "select c.snap, c.generation, c.tab, c.includes_held, r.* from "
            + HeldSnapshot.statementColumns(rollup.table, includesHeld + " as includes_held")
            + " left join ("
            + rows
            + ") r on true",
        PresentSumsInMemory::seen,
        args.toArray());
  }

  private static Seen seen(ResultSet rs) throws SQLException {
    List<Row> rows = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    HeldSnapshot.Identity identity = new HeldSnapshot.Identity(null, 0, 0);
    boolean includesHeld = false;
    while (rs.next()) {
      identity = HeldSnapshot.Identity.of(rs);
      includesHeld = rs.getBoolean(4);
      if (rs.getObject(5) == null) {
        continue; // the one row of a left join that found no row
      }
      long[] sums = new long[SUMS];
      sums[REVENUE] = Cents.of(rs.getBigDecimal(10));
      sums[COST] = Cents.of(rs.getBigDecimal(11));
      sums[WON] = rs.getLong(12);
      sums[LOST] = rs.getLong(13);
      sums[CYCLE_DAYS] = rs.getLong(14);
      sums[HELD] = rs.getLong(15);
      sums[HELD_AMOUNT] = Cents.of(rs.getBigDecimal(16));
      sums[COLLECTIONS] = Cents.of(rs.getBigDecimal(17));
      sums[NEW_CUSTOMERS] = rs.getLong(18);
      rows.add(
          new Row(
              rs.getObject(5, LocalDate.class),
              HeldSnapshot.shared(names, rs.getString(6)),
              HeldSnapshot.shared(names, rs.getString(7)),
              HeldSnapshot.shared(names, rs.getString(8)),
              HeldSnapshot.shared(names, rs.getString(9)),
              sums));
    }
    return new Seen(identity, includesHeld, rows);
  }
}
