package com.salesledger.query.dashboard;

import com.salesledger.events.common.Period;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.ScopeFilter;
import com.salesledger.query.target.TargetFigures;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link SalesDashboard} over the roll-ups {@link SalesProjection} writes: {@code sales_month} (or
 * its smaller roll-ups per rep and per team, by month or by year) for the present, {@code
 * sales_known} (or its roll-ups per rep and per team) for an as-of instant (month sums before its
 * UTC month, day sums of its month before its day, and the instants of its day up to it); {@link
 * #sumsSource} picks the smallest that answers. Targets come from the targets feature, through
 * {@link TargetFigures} only.
 */
@Component
class JdbcSalesDashboard implements SalesDashboard {

  /** The grouping column of the sums, and whose targets a group is held to. */
  private record Columns(String sales, ScopeLevel targets) {}

  private static final Map<GroupBy, Columns> COLUMNS = new EnumMap<>(GroupBy.class);

  static {
    COLUMNS.put(GroupBy.REP, new Columns("rep", ScopeLevel.REP));
    COLUMNS.put(GroupBy.TEAM, new Columns("team", ScopeLevel.TEAM));
    COLUMNS.put(GroupBy.REGION, new Columns("region", ScopeLevel.REGION));
    COLUMNS.put(GroupBy.PRODUCT_LINE, new Columns("product_line", null));
    // grouped by the month's first day and named YYYY-MM here (groupKey): formatting every row with
    // to_char before grouping cost PostgreSQL more than the sums of a year's 12,000 team rows
    COLUMNS.put(GroupBy.MONTH, new Columns("month", ScopeLevel.COMPANY));
  }

  private final JdbcTemplate jdbc;
  private final TargetFigures targets;
  private final Clock clock;
  private final ZoneId zone;
  private final PresentSumsInMemory inMemory;

  @Autowired
  JdbcSalesDashboard(
      JdbcTemplate jdbc,
      TargetFigures targets,
      Clock clock,
      LedgerSettings settings,
      PresentSumsInMemory inMemory) {
    this(jdbc, targets, clock, settings.zone(), inMemory);
  }

  /** Reading every sum from PostgreSQL (tests compare it with the reading from memory). */
  JdbcSalesDashboard(JdbcTemplate jdbc, TargetFigures targets, Clock clock, ZoneId zone) {
    this(jdbc, targets, clock, zone, null);
  }

  /** The present sums from the roll-ups' rows held in {@code inMemory} where it can answer. */
  JdbcSalesDashboard(
      JdbcTemplate jdbc,
      TargetFigures targets,
      Clock clock,
      ZoneId zone,
      PresentSumsInMemory inMemory) {
    this.jdbc = jdbc;
    this.targets = targets;
    this.clock = clock;
    this.zone = zone;
    this.inMemory = inMemory;
  }

  /**
   * What was known at an instant: the month sums recorded before its UTC month, the day sums of its
   * month recorded before its day (both from {@code sales_known} or one of its roll-ups, which hold
   * those two grains), and the instants of its day up to it (from {@code sales_known}, the only
   * table that keeps instants).
   */
  private record Known(Instant month, Instant day, Instant asOf) {
    static Known at(Instant asOf) {
      Instant month =
          LocalDate.ofInstant(asOf, ZoneOffset.UTC)
              .withDayOfMonth(1)
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant();
      return new Known(month, asOf.truncatedTo(ChronoUnit.DAYS), asOf);
    }

    /**
     * The rows summing to it, as a subquery of {@code columns} and the sums. Each grain is a branch
     * of its own: with the month and day grains as one condition joined by OR, PostgreSQL merged
     * two index look-ups into a bitmap and read every row from the table, where each grain alone is
     * an index-only scan of a covering index (V340).
     */
    String rows(String table, String columns) {
      String select = "select month, " + columns + ", " + SUMMED + " from ";
      return "("
          + select
          + table
          + " where grain = 'M' and recorded < ?"
          + " union all "
          + select
          + table
          + " where grain = 'D' and recorded >= ? and recorded < ?"
          + " union all "
          + select
          + "sales_known where grain = 'I' and recorded >= ? and recorded <= ?) known";
    }

    List<Object> args() {
      return List.of(ts(month), ts(month), ts(day), ts(day), ts(asOf));
    }

    private static Timestamp ts(Instant instant) {
      return Timestamp.from(instant);
    }
  }

  /** The summed columns, of the present roll-ups and of the as-known ones alike. */
  private static final String SUMMED =
      "revenue, cost, deals_won, deals_lost, cycle_days_won, held_deals, held_amount, collections,"
          + " new_customers";

  private static final String SUMS =
      Arrays.stream(SUMMED.split(", "))
          .map(column -> "sum(" + column + ")")
          .collect(Collectors.joining(", "));

  @Override
  public Result compute(Period period, GroupBy groupBy, DataScope scope, Instant asOf) {
    Map<String, SalesFigures.Sums> groups = new TreeMap<>();
    // Payments carry no product line: by product line, collections count in the total only.
    SalesFigures.Sums unattributed = new SalesFigures.Sums();
    Known known = asOf == null ? null : Known.at(asOf);
    SumsSource source = sumsSource(period, groupBy, scope, known);
    if (!(known == null && sumsInMemory(source, period, groupBy, scope, groups, unattributed))) {
      sumsFromDatabase(source, period, groupBy, groups, unattributed);
    }
    return withTargets(groups, unattributed, period, groupBy, scope, asOf);
  }

  /**
   * The sums of the rows of {@code source} in {@code period} (and the revenue of the year before's)
   * per group, within the caller's scope, read from PostgreSQL.
   */
  private void sumsFromDatabase(
      SumsSource source,
      Period period,
      GroupBy groupBy,
      Map<String, SalesFigures.Sums> groups,
      SalesFigures.Sums unattributed) {
    Function<String, SalesFigures.Sums> group =
        key -> groups.computeIfAbsent(key, k -> new SalesFigures.Sums());
    Columns columns = COLUMNS.get(groupBy);
    ScopeFilter sumsFilter = source.filter();
    // the rows summed, per group: the period's (or the year before's) within the caller's scope,
    // and as known at the instant if one is asked; summed by PostgreSQL unless they are about one
    // per group already
    String rowsRead =
        " from "
            + source.table()
            + " where "
            + source.dateColumn()
            + " between ? and ? and "
            + sumsFilter.sql()
            + (source.summedHere() ? "" : " group by grp");

    jdbc.query(
        "select "
            + columns.sales()
            + " as grp, "
            + (source.summedHere() ? SUMMED : SUMS)
            + rowsRead,
        rs -> {
          String key = groupKey(groupBy, rs.getString(1), 0);
          SalesFigures.Sums sums =
              groupBy == GroupBy.PRODUCT_LINE && key.isEmpty() ? unattributed : group.apply(key);
          sums.revenue = sums.revenue.add(rs.getBigDecimal(2));
          sums.cost = sums.cost.add(rs.getBigDecimal(3));
          sums.won += rs.getLong(4);
          sums.lost += rs.getLong(5);
          sums.cycleDays += rs.getLong(6);
          sums.held += rs.getLong(7);
          sums.heldAmount = sums.heldAmount.add(rs.getBigDecimal(8));
          sums.collections = sums.collections.add(rs.getBigDecimal(9));
          sums.newCustomers += rs.getLong(10);
        },
        args(source.tableArgs(), period, sumsFilter).toArray());

    jdbc.query(
        "select "
            + columns.sales()
            + " as grp, "
            + (source.summedHere() ? "revenue" : "sum(revenue)")
            + rowsRead,
        rs -> {
          // the year before's months count as the same months of the period
          String key = groupKey(groupBy, rs.getString(1), 1);
          if (!(groupBy == GroupBy.PRODUCT_LINE && key.isEmpty())) {
            SalesFigures.Sums sums = group.apply(key);
            sums.priorRevenue = sums.priorRevenue.add(rs.getBigDecimal(2));
          }
        },
        args(source.tableArgs(), period.previousYear(), sumsFilter).toArray());
  }

  /**
   * The same sums from the present roll-up's rows of the period and the year before, held in
   * memory, summed by {@link HeldRowSums}. False when memory cannot answer (no such roll-up held,
   * as for an as-of instant or a rep's own deals by product line, or the caller's snapshot is older
   * than what is held): the database is read instead.
   */
  private boolean sumsInMemory(
      SumsSource source,
      Period period,
      GroupBy groupBy,
      DataScope scope,
      Map<String, SalesFigures.Sums> groups,
      SalesFigures.Sums unattributed) {
    if (inMemory == null || source.held() == null) {
      return false;
    }
    Period prior = period.previousYear();
    List<LocalDate> periods = new ArrayList<>();
    for (Period p : List.of(period, prior)) {
      for (LocalDate first = p.start(); !first.isAfter(p.end()); first = next(first, source)) {
        periods.add(first);
      }
    }
    Optional<List<PresentSumsInMemory.Row>> rows = inMemory.rows(source.held(), periods);
    if (rows.isEmpty()) {
      return false;
    }
    HeldRowSums.add(rows.get(), period, groupBy, scope, groups, unattributed);
    return true;
  }

  /** The first day of the next period of a roll-up's rows: its next year, or its next month. */
  private static LocalDate next(LocalDate first, SumsSource source) {
    return source.dateColumn().equals("year") ? first.plusYears(1) : first.plusMonths(1);
  }

  /** Each group's figures held to its targets, and the total's. */
  private Result withTargets(
      Map<String, SalesFigures.Sums> groups,
      SalesFigures.Sums unattributed,
      Period period,
      GroupBy groupBy,
      DataScope scope,
      Instant asOf) {
    Columns columns = COLUMNS.get(groupBy);
    groups.values().removeIf(SalesFigures.Sums::empty);
    Instant knownAt = asOf != null ? asOf : clock.instant();
    // each group's targets, and the total's (the company's for the period)
    Function<String, Map<TargetMetric, BigDecimal>> groupTargets;
    Map<TargetMetric, Map<String, BigDecimal>> totalTargets;
    if (groupBy == GroupBy.MONTH) {
      // each month is held to the company's target of that month: all of them, and the whole
      // period's for the total, in one look-up
      List<Period> months =
          Stream.concat(groups.keySet().stream().map(Period::parse), Stream.of(period))
              .distinct()
              .toList();
      Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> byMonth =
          targetsOf(ScopeLevel.COMPANY, months, knownAt, scope);
      groupTargets = key -> targetsFor(byMonth.get(Period.parse(key)), "COMPANY");
      totalTargets = byMonth.get(period);
    } else {
      Map<TargetMetric, Map<String, BigDecimal>> ofLevel =
          targetsOf(columns.targets(), period, knownAt, scope);
      groupTargets = key -> targetsFor(ofLevel, key);
      totalTargets = targetsOf(ScopeLevel.COMPANY, period, knownAt, scope);
    }
    List<SalesFigures> rows = new ArrayList<>();
    SalesFigures.Sums total = new SalesFigures.Sums();
    groups.forEach(
        (key, sums) -> {
          rows.add(sums.figures(key, groupTargets.apply(key)));
          total.add(sums);
        });
    total.add(unattributed);
    return new Result(rows, total.figures("total", targetsFor(totalTargets, "COMPANY")));
  }

  /** A group's key as answered: a month (read as its first day, then moved on) as YYYY-MM. */
  private static String groupKey(GroupBy groupBy, String read, int yearsLater) {
    return groupBy == GroupBy.MONTH
        ? java.time.YearMonth.from(LocalDate.parse(read)).plusYears(yearsLater).toString()
        : read;
  }

  /**
   * The roll-ups of the same sums ({@link SalesProjection} writes them in one batch): the finest
   * rows, per rep (without product line) and per team (without rep); each by month and, but the
   * finest, by year for the present (those four held in memory, {@link PresentSumsInMemory}), and
   * as known at an instant with the columns it keeps.
   */
  private enum Rollup {
    EVERYTHING("sales_month", null, null, "sales_known", "rep, team, region, product_line"),
    PER_REP(
        PresentSumsInMemory.Rollup.REP_MONTH,
        PresentSumsInMemory.Rollup.REP_YEAR,
        "sales_known_rep",
        "rep, team, region"),
    PER_TEAM(
        PresentSumsInMemory.Rollup.TEAM_MONTH,
        PresentSumsInMemory.Rollup.TEAM_YEAR,
        "sales_known_team",
        "team, region, product_line");

    private final String byMonth;
    private final PresentSumsInMemory.Rollup heldByMonth;
    private final PresentSumsInMemory.Rollup heldByYear;
    private final String known;
    private final String knownColumns;

    /** A roll-up whose present rows are held in memory by month and by year. */
    Rollup(
        PresentSumsInMemory.Rollup heldByMonth,
        PresentSumsInMemory.Rollup heldByYear,
        String known,
        String knownColumns) {
      this(heldByMonth.table, heldByMonth, heldByYear, known, knownColumns);
    }

    Rollup(
        String byMonth,
        PresentSumsInMemory.Rollup heldByMonth,
        PresentSumsInMemory.Rollup heldByYear,
        String known,
        String knownColumns) {
      this.byMonth = byMonth;
      this.heldByMonth = heldByMonth;
      this.heldByYear = heldByYear;
      this.known = known;
      this.knownColumns = knownColumns;
    }
  }

  /**
   * The smallest roll-up that answers {@code groupBy} for {@code scope}: per team and product line
   * for whole teams or everything (but not by rep), per rep for a rep's own deals or a grouping by
   * rep, and the finest rows only for a rep's own deals by product line. For the present, per year
   * for a year's period unless grouped by month, else per month; as {@code known} at an instant,
   * its as-known sums.
   */
  private static SumsSource sumsSource(
      Period period, GroupBy groupBy, DataScope scope, Known known) {
    boolean ownDeals = !scope.unlimited() && !scope.reps().isEmpty();
    Rollup rollup =
        ownDeals && groupBy == GroupBy.PRODUCT_LINE
            ? Rollup.EVERYTHING
            : ownDeals || groupBy == GroupBy.REP ? Rollup.PER_REP : Rollup.PER_TEAM;
    // no rep column per team: the scope there is everything or whole teams
    ScopeFilter filter =
        rollup == Rollup.PER_TEAM
            ? ScopeFilter.of(scope, "team", "team")
            : ScopeFilter.of(scope, "rep", "team");
    if (known != null) {
      return new SumsSource(
          known.rows(rollup.known, rollup.knownColumns),
          null,
          "month",
          filter,
          known.args(),
          false);
    }
    boolean yearly =
        rollup.heldByYear != null && period.kind() == Period.Kind.YEAR && groupBy != GroupBy.MONTH;
    // A year's or a month's present rows are about one per group (2,000 for a year by rep):
    // PostgreSQL's grouping of them cost more than adding them up here (3.6 ms of 4.5).
    return yearly
        ? new SumsSource(
            rollup.heldByYear.table, rollup.heldByYear, "year", filter, List.of(), true)
        : new SumsSource(
            rollup.byMonth,
            rollup.heldByMonth,
            "month",
            filter,
            List.of(),
            period.kind() == Period.Kind.MONTH);
  }

  /**
   * Where a question's sums are read: the table (or a subquery, with the arguments it takes), the
   * present roll-up held in memory with the same rows (none for the finest rows and as-of sums),
   * its date column (a month's or a year's first day), the caller's scope as a condition on it, and
   * whether its rows are summed here rather than grouped by PostgreSQL.
   */
  private record SumsSource(
      String table,
      PresentSumsInMemory.Rollup held,
      String dateColumn,
      ScopeFilter filter,
      List<Object> tableArgs,
      boolean summedHere) {}

  private static Map<TargetMetric, BigDecimal> targetsFor(
      Map<TargetMetric, Map<String, BigDecimal>> byMetric, String scopeId) {
    Map<TargetMetric, BigDecimal> mine = new EnumMap<>(TargetMetric.class);
    byMetric.forEach(
        (metric, byScope) -> {
          BigDecimal amount = byScope.get(scopeId);
          if (amount != null) {
            mine.put(metric, amount);
          }
        });
    return mine;
  }

  /**
   * Every metric's targets of {@code level} for {@code period}, in force on the period's last day
   * for a past period, else on today, as known at {@code knownAt} (the rule of the targets query).
   * No level (product lines): no targets. Only targets within the caller's {@code scope}: a rep's
   * team group shows the rep's own figures, not the team's, and must not show the team's target.
   */
  private Map<TargetMetric, Map<String, BigDecimal>> targetsOf(
      ScopeLevel level, Period period, Instant knownAt, DataScope scope) {
    if (level == null) {
      return new EnumMap<>(TargetMetric.class);
    }
    return targetsOf(level, List.of(period), knownAt, scope).get(period);
  }

  /** {@link #targetsOf(ScopeLevel, Period, Instant, DataScope)} of several periods at once. */
  private Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> targetsOf(
      ScopeLevel level, List<Period> periods, Instant knownAt, DataScope scope) {
    LocalDate today = LocalDate.ofInstant(knownAt, zone);
    return targets.amountsInForceByPeriod(
        level, periods, p -> p.end().isBefore(today) ? p.end() : today, knownAt, scope);
  }

  /**
   * The arguments of a query of the rows of {@code period} within {@code filter}, after those of
   * the table it reads ({@code tableArgs}, for a subquery).
   */
  private static List<Object> args(List<Object> tableArgs, Period period, ScopeFilter filter) {
    List<Object> args = new ArrayList<>(tableArgs);
    args.add(period.start());
    args.add(period.end());
    args.addAll(filter.args());
    return args;
  }
}
