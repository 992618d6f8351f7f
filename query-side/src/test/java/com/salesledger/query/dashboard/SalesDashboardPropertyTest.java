package com.salesledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.common.Period;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.DealWon;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.MigrationBackfill;
import com.salesledger.query.common.Projector;
import com.salesledger.query.common.ReadModelDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random histories: the dashboard as of T equals the dashboard of only the events up to T, for
 * every grouping and every kind of caller's scope.
 */
class SalesDashboardPropertyTest {

  record Recorded(Instant at, String aggregate, Object event) {}

  static List<Recorded> history(List<Integer> seeds) {
    List<Recorded> events = new ArrayList<>();
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    Facts.Seat[] seats = {Facts.REP1, Facts.REP2, Facts.REP3, Facts.REP4};
    int n = 0;
    for (int seed : seeds) {
      n++;
      at = at.plusSeconds(3600L * (seed % 50 + 1));
      Facts.Seat seat = seats[seed % 4];
      LocalDate close = LocalDate.of(2026, 1 + seed % 6, 1 + seed % 28);
      String deal = "D" + n;
      String customer = "C" + (seed % 5);
      String amount = (100 + seed % 900) + ".00";
      switch (seed % 4) {
        case 0 -> events.add(new Recorded(at, deal, Facts.lost(deal, customer, seat, "L1", close)));
        case 1 -> {
          DealPutOnCreditHold held =
              Facts.held(deal, customer, seat, "L2", amount, "50.00", close.minusDays(5), close);
          events.add(new Recorded(at, deal, held));
          if (seed % 3 == 0) {
            Instant later = at.plusSeconds(86_400L * (seed % 40));
            events.add(new Recorded(later, deal, Facts.released(held)));
            events.add(new Recorded(later, deal, Facts.won(held)));
          }
        }
        default -> {
          DealWon won =
              Facts.won(deal, customer, seat, "L1", amount, "60.00", close.minusDays(9), close);
          events.add(new Recorded(at, deal, won));
          events.add(new Recorded(at, "I" + n, Facts.invoice("I" + n, won, amount, close)));
          events.add(
              new Recorded(
                  at.plusSeconds(86_400L * (seed % 60)),
                  "I" + n,
                  Facts.payment("I" + n, "P" + n, "10.00", close.plusDays(seed % 70))));
        }
      }
    }
    events.sort(java.util.Comparator.comparing(Recorded::at));
    return events;
  }

  static JdbcSalesDashboard dashboard(ReadModelDatabase db) {
    return new JdbcSalesDashboard(
        db.jdbc(), new Facts.FakeTargets(), Clock.systemUTC(), ZoneOffset.UTC);
  }

  static void project(ReadModelDatabase db, List<Recorded> events, int batch) {
    Projector projector = new Projector(new SalesProjection(db.jdbc()));
    for (int i = 0; i < events.size(); i += batch) {
      List<Recorded> slice = events.subList(i, Math.min(events.size(), i + batch));
      // one instant per batch call in the fixture: split where the instant changes
      int start = 0;
      for (int j = 1; j <= slice.size(); j++) {
        if (j == slice.size() || !slice.get(j).at().equals(slice.get(start).at())) {
          projector.at(slice.get(start).at());
          projector.batch(
              slice.subList(start, j).stream()
                  .map(r -> new Projector.Stored(r.aggregate(), r.event()))
                  .toList());
          start = j;
        }
      }
    }
  }

  @Property(tries = 12)
  void as_of_T_equals_the_dashboard_of_the_events_recorded_up_to_T(
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 10_000) Integer> seeds,
      @ForAll @IntRange(min = 0, max = 100) int cut,
      @ForAll @IntRange(min = 1, max = 7) int batch) {
    List<Recorded> events = history(seeds);
    Instant asOf = events.get(Math.min(events.size() - 1, cut * events.size() / 101)).at();
    Period half = Period.parse("2026");
    ReadModelDatabase db = ReadModelDatabase.emptied();
    project(db, events.stream().filter(e -> !e.at().isAfter(asOf)).toList(), 1);
    List<SalesDashboard.Result> expected = new ArrayList<>();
    for (DataScope scope : SCOPES) {
      for (GroupBy groupBy : GroupBy.values()) {
        expected.add(dashboard(db).compute(half, groupBy, scope, null));
      }
    }
    db = ReadModelDatabase.emptied();
    project(db, events, batch);
    int i = 0;
    for (DataScope scope : SCOPES) {
      for (GroupBy groupBy : GroupBy.values()) {
        assertThat(dashboard(db).compute(half, groupBy, scope, asOf))
            .as("%s for %s as of %s", groupBy, scope.describe(), asOf)
            .isEqualTo(expected.get(i++));
      }
    }
  }

  /**
   * The present count of new customers, per rep and in total, is the number of customers whose
   * earliest won deal (by close date, then deal id) is the rep's, however the wins were recorded
   * and batched: counted here from the events, apart from the projection's own first-win rule.
   */
  @Property(tries = 12)
  void a_customer_counts_as_new_once_where_its_earliest_win_is(
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 10_000) Integer> seeds,
      @ForAll @IntRange(min = 1, max = 7) int batch) {
    List<Recorded> events = history(seeds);
    Map<String, DealWon> earliest = new HashMap<>();
    for (Recorded recorded : events) {
      if (recorded.event() instanceof DealWon won) {
        earliest.merge(
            won.customerId(),
            won,
            (a, b) ->
                Comparator.comparing(DealWon::closeDate)
                            .thenComparing(DealWon::dealId)
                            .compare(a, b)
                        <= 0
                    ? a
                    : b);
      }
    }
    Map<String, Long> expected = new TreeMap<>();
    earliest.values().forEach(won -> expected.merge(won.ownerRep(), 1L, Long::sum));
    ReadModelDatabase db = ReadModelDatabase.emptied();
    project(db, events, batch);

    SalesDashboard.Result result =
        dashboard(db).compute(Period.parse("2026"), GroupBy.REP, DataScope.everything(), null);
    Map<String, Long> actual = new TreeMap<>();
    result.groups().stream()
        .filter(g -> g.newCustomers() != 0)
        .forEach(g -> actual.put(g.group(), g.newCustomers()));
    assertThat(actual).isEqualTo(expected);
    assertThat(result.total().newCustomers()).isEqualTo(earliest.size());
  }

  /** V310 fills in the present new-customer counts of an upgraded ledger as the projection does. */
  @Property(tries = 5)
  void an_upgraded_ledger_counts_new_customers_as_the_projection_does(
      @ForAll @Size(min = 5, max = 25) List<@IntRange(min = 0, max = 10_000) Integer> seeds,
      @ForAll @IntRange(min = 1, max = 7) int batch) {
    ReadModelDatabase db = ReadModelDatabase.emptied();
    project(db, history(seeds), batch);
    MigrationBackfill.assertFillsInWhatTheProjectionWrote(
        db,
        "V310__present_new_customers.sql",
        List.of(
            "sales_month.new_customers",
            "sales_rep_month.new_customers",
            "sales_team_month.new_customers",
            "sales_rep_year.new_customers",
            "sales_team_year.new_customers"));
  }

  /**
   * Every kind of caller: the present and the as-of answers read a different roll-up for each (per
   * team, per rep or the finest rows), so each roll-up is checked.
   */
  private static final List<DataScope> SCOPES =
      List.of(
          DataScope.everything(),
          DataScope.ofTeams(java.util.Set.of(Facts.REP1.team())),
          DataScope.ownedBy(Facts.REP3.rep()),
          DataScope.ownedBy(Facts.REP4.rep())
              .union(DataScope.ofTeams(java.util.Set.of("north-2"))));
}
