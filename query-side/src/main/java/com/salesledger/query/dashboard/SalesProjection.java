package com.salesledger.query.dashboard;

import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealWon;
import com.salesledger.query.common.projection.Batch;
import com.salesledger.query.common.projection.BatchScope;
import com.salesledger.query.common.projection.RebuildableProjection;
import com.salesledger.query.common.projection.Tables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Closed deals rolled up by close month and attribution at close time, plus each customer's first
 * won deal. A batch's events are summed per row in memory and written as additive upserts in key
 * order (one lock order for every segment); the token is stored in the same transaction, so each
 * event counts exactly once.
 */
@Component
@ProcessingGroup(SalesProjection.PROCESSOR)
class SalesProjection implements RebuildableProjection {

  static final String PROCESSOR = "sales";

  private final JdbcTemplate jdbc;
  private final String upsertMonth;
  private final String upsertFirstWin;

  @Autowired
  SalesProjection(JdbcTemplate jdbc) {
    this(jdbc, Tables.LIVE);
  }

  SalesProjection(JdbcTemplate jdbc, Tables tables) {
    this.jdbc = jdbc;
    String month = tables.of("sales_month");
    String firstWin = tables.of("customer_first_win");
    this.upsertMonth =
        "insert into "
            + month
            + " as m (month, rep, team, region, product_line, revenue, cost, deals_won,"
            + " deals_lost, cycle_days_won) values (?,?,?,?,?,?,?,?,?,?)"
            + " on conflict (month, rep, team, region, product_line) do update set"
            + " revenue = m.revenue + excluded.revenue, cost = m.cost + excluded.cost,"
            + " deals_won = m.deals_won + excluded.deals_won,"
            + " deals_lost = m.deals_lost + excluded.deals_lost,"
            + " cycle_days_won = m.cycle_days_won + excluded.cycle_days_won";
    this.upsertFirstWin =
        "insert into "
            + firstWin
            + " as f (customer_id, deal_id, close_date, rep, team, region, product_line)"
            + " values (?,?,?,?,?,?,?) on conflict (customer_id) do update set"
            + " deal_id = excluded.deal_id, close_date = excluded.close_date,"
            + " rep = excluded.rep, team = excluded.team, region = excluded.region,"
            + " product_line = excluded.product_line"
            + " where (excluded.close_date, excluded.deal_id) < (f.close_date, f.deal_id)";
  }

  @Override
  public String processor() {
    return PROCESSOR;
  }

  @Override
  public List<String> tables() {
    return List.of("sales_month", "customer_first_win");
  }

  @Override
  public Object writingInto(Tables tables) {
    return new SalesProjection(jdbc, tables);
  }

  private record MonthKey(LocalDate month, String rep, String team, String region, String line)
      implements Comparable<MonthKey> {
    private static final Comparator<MonthKey> ORDER =
        Comparator.comparing(MonthKey::month)
            .thenComparing(MonthKey::rep)
            .thenComparing(MonthKey::team)
            .thenComparing(MonthKey::region)
            .thenComparing(MonthKey::line);

    @Override
    public int compareTo(MonthKey other) {
      return ORDER.compare(this, other);
    }
  }

  private static final class MonthSums {
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    long won;
    long lost;
    long cycleDays;
  }

  private record FirstWin(
      String dealId, LocalDate closeDate, String rep, String team, String region, String line) {
    boolean before(FirstWin other) {
      int byDate = closeDate.compareTo(other.closeDate);
      return byDate < 0 || (byDate == 0 && dealId.compareTo(other.dealId) < 0);
    }
  }

  private final class Pending {
    final Map<MonthKey, MonthSums> months = new TreeMap<>();
    final Map<String, FirstWin> firstWins = new TreeMap<>();

    MonthSums month(LocalDate closeDate, String rep, String team, String region, String line) {
      return months.computeIfAbsent(
          new MonthKey(closeDate.withDayOfMonth(1), rep, team, region, line), k -> new MonthSums());
    }
  }

  private Pending pending() {
    return BatchScope.current(this, Pending::new, this::write);
  }

  @EventHandler
  void on(DealWon e) {
    Pending pending = pending();
    MonthSums sums =
        pending.month(e.closeDate(), e.ownerRep(), e.team(), e.region(), e.productLine());
    sums.revenue = sums.revenue.add(e.finalAmount());
    sums.cost = sums.cost.add(e.cost());
    sums.won++;
    sums.cycleDays += ChronoUnit.DAYS.between(e.openedOn(), e.closeDate());
    FirstWin win =
        new FirstWin(
            e.dealId(), e.closeDate(), e.ownerRep(), e.team(), e.region(), e.productLine());
    pending.firstWins.merge(e.customerId(), win, (a, b) -> b.before(a) ? b : a);
  }

  @EventHandler
  void on(DealLost e) {
    pending().month(e.closeDate(), e.ownerRep(), e.team(), e.region(), e.productLine()).lost++;
  }

  private void write(Pending pending) {
    Batch.write(
        jdbc,
        upsertMonth,
        pending.months.entrySet(),
        (p, entry) -> {
          MonthKey k = entry.getKey();
          MonthSums s = entry.getValue();
          p.date(k.month())
              .text(k.rep())
              .text(k.team())
              .text(k.region())
              .text(k.line())
              .number(s.revenue)
              .number(s.cost)
              .whole(s.won)
              .whole(s.lost)
              .whole(s.cycleDays);
        });
    Batch.write(
        jdbc,
        upsertFirstWin,
        pending.firstWins.entrySet(),
        (p, entry) -> {
          FirstWin w = entry.getValue();
          p.text(entry.getKey())
              .text(w.dealId())
              .date(w.closeDate())
              .text(w.rep())
              .text(w.team())
              .text(w.region())
              .text(w.line());
        });
  }
}
