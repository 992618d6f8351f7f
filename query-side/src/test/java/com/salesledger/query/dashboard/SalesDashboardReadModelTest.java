package com.salesledger.query.dashboard;

import static com.salesledger.query.dashboard.Facts.REP1;
import static com.salesledger.query.dashboard.Facts.REP2;
import static com.salesledger.query.dashboard.Facts.REP3;
import static com.salesledger.query.dashboard.Facts.REP4;
import static com.salesledger.query.dashboard.Facts.held;
import static com.salesledger.query.dashboard.Facts.invoice;
import static com.salesledger.query.dashboard.Facts.lost;
import static com.salesledger.query.dashboard.Facts.money;
import static com.salesledger.query.dashboard.Facts.payment;
import static com.salesledger.query.dashboard.Facts.released;
import static com.salesledger.query.dashboard.Facts.won;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.common.Period;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.Projector;
import com.salesledger.query.common.ReadModelDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures from the projection's tables, exact to the cent: now and as known at
 * chosen instants, held and released deals, collections, and the organisation's sums.
 */
class SalesDashboardReadModelTest {

  static final Instant T1 = Instant.parse("2026-02-01T10:00:00Z");
  static final Instant T2 = Instant.parse("2026-03-05T09:00:00Z");
  static final Instant T3 = Instant.parse("2026-04-10T08:00:00Z");
  static final Period Q1 = Period.parse("2026-Q1");

  ReadModelDatabase db;
  Facts.FakeTargets targets;
  JdbcSalesDashboard dashboard;
  Projector projector;
  DealPutOnCreditHold heldDeal;

  @BeforeEach
  void history() {
    db = ReadModelDatabase.emptied();
    targets = new Facts.FakeTargets();
    dashboard =
        new JdbcSalesDashboard(
            db.jdbc(),
            targets,
            Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC),
            ZoneOffset.UTC);
    projector = new Projector(new SalesProjection(db.jdbc()));
    DealWon d1 =
        won("D1", "C1", REP1, "L1", "1000.00", "600.00", date("2026-01-01"), date("2026-01-20"));
    projector.at(T1).handle("D1", d1);
    projector.handle(
        "D2",
        won("D2", "C2", REP2, "L2", "500.00", "200.00", date("2026-01-05"), date("2026-01-25")));
    projector.handle("D3", lost("D3", "C3", REP3, "L1", date("2026-02-10")));
    heldDeal =
        held("D4", "C4", REP4, "L1", "2000.00", "1500.00", date("2026-02-01"), date("2026-02-15"));
    projector.at(T2).handle("D4", heldDeal);
    projector.handle("I1", invoice("I1", d1, "1000.00", date("2026-02-01")));
    projector.handle("I1", payment("I1", "P1", "400.00", date("2026-03-04")));
    // Released in April; the payment of 31 March is recorded late, on 10 April.
    projector.at(T3).handle("D4", released(heldDeal));
    projector.handle("D4", won(heldDeal));
    projector.handle("I1", payment("I1", "P2", "600.00", date("2026-03-31")));
  }

  static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  Map<String, SalesFigures> byGroup(GroupBy groupBy, Instant asOf) {
    return dashboard.compute(Q1, groupBy, DataScope.everything(), asOf).groups().stream()
        .collect(Collectors.toMap(SalesFigures::group, Function.identity()));
  }

  @Test
  void now_a_released_deal_is_booked_in_its_close_month_and_late_payments_are_collections() {
    Map<String, SalesFigures> reps = byGroup(GroupBy.REP, null);
    assertThat(reps.keySet()).containsExactlyInAnyOrder("rep1", "rep2", "rep3", "rep4");
    SalesFigures rep1 = reps.get("rep1");
    assertThat(rep1.bookedRevenue()).isEqualByComparingTo("1000.00");
    assertThat(rep1.collections()).isEqualByComparingTo("1000.00");
    assertThat(rep1.newCustomers()).isEqualTo(1);
    SalesFigures rep4 = reps.get("rep4");
    assertThat(rep4.bookedRevenue()).isEqualByComparingTo("2000.00");
    assertThat(rep4.cost()).isEqualByComparingTo("1500.00");
    assertThat(rep4.dealsWon()).isEqualTo(1);
    assertThat(rep4.heldDeals()).isZero();
    assertThat(rep4.heldAmount()).isEqualByComparingTo("0");
    assertThat(rep4.newCustomers()).isEqualTo(1);
    assertThat(reps.get("rep3").dealsLost()).isEqualTo(1);

    SalesFigures total = dashboard.compute(Q1, GroupBy.REP, DataScope.everything()).total();
    assertThat(total.bookedRevenue()).isEqualByComparingTo("3500.00");
    assertThat(total.grossProfit()).isEqualByComparingTo("1200.00");
    assertThat(total.collections()).isEqualByComparingTo("1000.00");
    assertThat(total.heldDeals()).isZero();
    assertThat(total.newCustomers()).isEqualTo(3);
    assertThat(total.winRate()).isEqualByComparingTo("0.7500");

    Map<String, SalesFigures> months = byGroup(GroupBy.MONTH, null);
    assertThat(months.get("2026-02").bookedRevenue()).isEqualByComparingTo("2000.00");
    assertThat(months.get("2026-03").collections()).isEqualByComparingTo("1000.00");
  }

  @Test
  void by_month_each_month_compares_with_the_same_month_of_the_year_before() {
    projector
        .at(T1)
        .handle(
            "D0",
            won(
                "D0",
                "C9",
                REP1,
                "L1",
                "250.00",
                "100.00",
                date("2025-01-02"),
                date("2025-02-10")));

    Map<String, SalesFigures> months = byGroup(GroupBy.MONTH, null);
    Map<String, SalesFigures> monthsAsOf = byGroup(GroupBy.MONTH, T3.plusSeconds(1));

    for (Map<String, SalesFigures> answer : List.of(months, monthsAsOf)) {
      assertThat(answer.keySet()).containsExactlyInAnyOrder("2026-01", "2026-02", "2026-03");
      assertThat(answer.get("2026-02").priorYearRevenue()).isEqualByComparingTo("250.00");
      assertThat(answer.get("2026-01").priorYearRevenue()).isEqualByComparingTo("0");
    }
    assertThat(
            dashboard.compute(Q1, GroupBy.MONTH, DataScope.everything()).total().priorYearRevenue())
        .isEqualByComparingTo("250.00");
  }

  @Test
  void as_of_an_instant_counts_only_what_was_recorded_by_then_whatever_its_business_date() {
    // The same day as T2, one second before: neither the hold nor the first payment is known.
    Map<String, SalesFigures> beforeT2 = byGroup(GroupBy.REP, T2.minusSeconds(1));
    assertThat(beforeT2.keySet()).containsExactlyInAnyOrder("rep1", "rep2", "rep3");
    assertThat(beforeT2.get("rep1").collections()).isEqualByComparingTo("0");

    // At T2 exactly (instants of its own day), later that month (day sums), and on 1 April
    // (month sums): the deal is held, not booked, and 400 of 1000 is collected.
    for (Instant asOf :
        List.of(
            T2,
            T2.plusSeconds(3600),
            Instant.parse("2026-03-20T00:00:00Z"),
            Instant.parse("2026-04-01T00:00:00Z"),
            T3.minusMillis(1))) {
      Map<String, SalesFigures> reps = byGroup(GroupBy.REP, asOf);
      SalesFigures rep4 = reps.get("rep4");
      assertThat(rep4.bookedRevenue()).as("at %s", asOf).isEqualByComparingTo("0");
      assertThat(rep4.heldDeals()).as("at %s", asOf).isEqualTo(1);
      assertThat(rep4.heldAmount()).as("at %s", asOf).isEqualByComparingTo("2000.00");
      assertThat(rep4.newCustomers()).as("at %s", asOf).isZero();
      assertThat(reps.get("rep1").collections()).as("at %s", asOf).isEqualByComparingTo("400.00");
      SalesFigures total = dashboard.compute(Q1, GroupBy.REP, DataScope.everything(), asOf).total();
      assertThat(total.bookedRevenue()).isEqualByComparingTo("1500.00");
      assertThat(total.heldAmount()).isEqualByComparingTo("2000.00");
      assertThat(total.newCustomers()).isEqualTo(2);
    }

    // From T3 on it is as it stands now; before T1 nothing was known.
    assertThat(byGroup(GroupBy.REP, T3)).isEqualTo(byGroup(GroupBy.REP, null));
    assertThat(byGroup(GroupBy.REP, T1.minusMillis(1))).isEmpty();
  }

  @Test
  void the_same_as_of_question_gives_the_same_answer_however_much_is_recorded_later() {
    Instant asOf = T2.plusSeconds(60);
    var first = dashboard.compute(Q1, GroupBy.TEAM, DataScope.everything(), asOf);
    projector
        .at(Instant.parse("2026-05-01T00:00:00Z"))
        .handle(
            "D9",
            won("D9", "C9", REP1, "L1", "777.00", "1.00", date("2026-01-02"), date("2026-01-03")));
    projector.handle("I1", payment("I1", "P9", "1.00", date("2026-01-31")));
    assertThat(dashboard.compute(Q1, GroupBy.TEAM, DataScope.everything(), asOf)).isEqualTo(first);
    assertThat(dashboard.compute(Q1, GroupBy.TEAM, DataScope.everything()).total().bookedRevenue())
        .isEqualByComparingTo("4277.00");
  }

  @Test
  void a_region_sums_its_teams_and_a_team_its_reps_now_and_as_of_any_instant() {
    for (Instant asOf :
        java.util.Arrays.asList(
            null, T1, T2.minusSeconds(1), T2, Instant.parse("2026-03-31T23:00:00Z"), T3)) {
      Map<String, SalesFigures> reps = byGroup(GroupBy.REP, asOf);
      Map<String, SalesFigures> teams = byGroup(GroupBy.TEAM, asOf);
      Map<String, SalesFigures> regions = byGroup(GroupBy.REGION, asOf);
      Map<String, String> teamOfRep =
          Map.of("rep1", "north-1", "rep2", "north-1", "rep3", "north-2", "rep4", "south-1");
      Map<String, String> regionOfTeam =
          Map.of("north-1", "north", "north-2", "north", "south-1", "south");
      for (Function<SalesFigures, BigDecimal> figure :
          List.<Function<SalesFigures, BigDecimal>>of(
              SalesFigures::bookedRevenue,
              SalesFigures::grossProfit,
              SalesFigures::collections,
              SalesFigures::heldAmount,
              f -> BigDecimal.valueOf(f.newCustomers()),
              f -> BigDecimal.valueOf(f.dealsLost()))) {
        assertThat(sumBy(reps, teamOfRep, figure))
            .as("teams at %s", asOf)
            .isEqualTo(values(teams, figure));
        assertThat(sumBy(teams, regionOfTeam, figure))
            .as("regions at %s", asOf)
            .isEqualTo(values(regions, figure));
      }
    }
    SalesFigures north = byGroup(GroupBy.REGION, null).get("north");
    assertThat(north.bookedRevenue()).isEqualByComparingTo("1500.00");
    assertThat(north.collections()).isEqualByComparingTo("1000.00");
    assertThat(byGroup(GroupBy.REGION, null).get("south").bookedRevenue())
        .isEqualByComparingTo("2000.00");
  }

  private static Map<String, BigDecimal> sumBy(
      Map<String, SalesFigures> rows,
      Map<String, String> parent,
      Function<SalesFigures, BigDecimal> figure) {
    return rows.values().stream()
        .collect(
            Collectors.groupingBy(
                f -> parent.get(f.group()),
                Collectors.reducing(
                    BigDecimal.ZERO, figure, (a, b) -> a.add(b).stripTrailingZeros())))
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stripTrailingZeros()));
  }

  private static Map<String, BigDecimal> values(
      Map<String, SalesFigures> rows, Function<SalesFigures, BigDecimal> figure) {
    return rows.values().stream()
        .collect(Collectors.toMap(SalesFigures::group, f -> figure.apply(f).stripTrailingZeros()));
  }

  @Test
  void a_rep_sees_only_their_own_rows_and_collections_by_product_line_count_in_the_total_only() {
    var mine = dashboard.compute(Q1, GroupBy.REP, DataScope.ownedBy("rep1"), null);
    assertThat(mine.groups()).extracting(SalesFigures::group).containsExactly("rep1");
    assertThat(mine.total().bookedRevenue()).isEqualByComparingTo("1000.00");
    // Its targets are asked within its scope too, for the groups and for the total.
    assertThat(targets.askedScope.get("REP|2026-Q1")).isEqualTo(DataScope.ownedBy("rep1"));
    assertThat(targets.askedScope.get("COMPANY|2026-Q1")).isEqualTo(DataScope.ownedBy("rep1"));

    var lines = dashboard.compute(Q1, GroupBy.PRODUCT_LINE, DataScope.everything(), null);
    assertThat(lines.groups()).extracting(SalesFigures::group).containsExactly("L1", "L2");
    assertThat(lines.groups()).allSatisfy(f -> assertThat(f.collections()).isZero());
    assertThat(lines.total().collections()).isEqualByComparingTo("1000.00");
  }

  @Test
  void
      attainment_is_actual_over_target_half_up_to_4_decimals_and_absent_without_or_with_zero_target() {
    targets
        .set(ScopeLevel.REP, "2026-Q1", TargetMetric.REVENUE, "rep1", "3000.00")
        .set(ScopeLevel.REP, "2026-Q1", TargetMetric.NEW_CUSTOMERS, "rep1", "32")
        .set(ScopeLevel.REP, "2026-Q1", TargetMetric.COLLECTIONS, "rep1", "1600.00")
        .set(ScopeLevel.REP, "2026-Q1", TargetMetric.REVENUE, "rep2", "0.00")
        .set(ScopeLevel.REP, "2026-Q1", TargetMetric.GROSS_MARGIN, "rep2", "900.00")
        .set(ScopeLevel.COMPANY, "2026-Q1", TargetMetric.REVENUE, "COMPANY", "7000.00");
    var result = dashboard.compute(Q1, GroupBy.REP, DataScope.everything(), null);
    Map<String, SalesFigures> reps =
        result.groups().stream().collect(Collectors.toMap(SalesFigures::group, f -> f));

    SalesFigures rep1 = reps.get("rep1");
    assertThat(rep1.target()).isEqualByComparingTo("3000.00");
    assertThat(rep1.attainment()).isEqualTo(money("0.3333"));
    assertThat(rep1.metrics().get(TargetMetric.REVENUE).attainment()).isEqualTo(money("0.3333"));
    // 1 / 32 = 0.03125: half-up gives 0.0313 (half-even would give 0.0312)
    assertThat(rep1.metrics().get(TargetMetric.NEW_CUSTOMERS).attainment())
        .isEqualTo(money("0.0313"));
    assertThat(rep1.metrics().get(TargetMetric.COLLECTIONS))
        .isEqualTo(new SalesFigures.Metric(money("1000.00"), money("1600.00"), money("0.6250")));
    assertThat(rep1.metrics().get(TargetMetric.GROSS_MARGIN))
        .isEqualTo(new SalesFigures.Metric(money("400.00"), null, null));

    SalesFigures rep2 = reps.get("rep2");
    assertThat(rep2.target()).isEqualByComparingTo("0");
    assertThat(rep2.attainment()).isNull();
    assertThat(rep2.metrics().get(TargetMetric.GROSS_MARGIN).attainment())
        .isEqualTo(money("0.3333"));

    assertThat(reps.get("rep3").target()).isNull();
    assertThat(reps.get("rep3").attainment()).isNull();
    assertThat(result.total().attainment()).isEqualTo(money("0.5000"));
    // A past period asks the targets in force on its last day; as of a moment, on that day.
    assertThat(targets.askedEffectiveOn.get("REP|2026-Q1")).isEqualTo(date("2026-03-31"));
    dashboard.compute(Q1, GroupBy.REP, DataScope.everything(), T2);
    assertThat(targets.askedEffectiveOn.get("REP|2026-Q1")).isEqualTo(date("2026-03-05"));
  }

  @Test
  void month_groups_are_held_to_the_company_target_of_their_month() {
    targets.set(ScopeLevel.COMPANY, "2026-02", TargetMetric.REVENUE, "COMPANY", "4000.00");
    Map<String, SalesFigures> months = byGroup(GroupBy.MONTH, null);
    assertThat(months.get("2026-02").attainment()).isEqualTo(money("0.5000"));
    assertThat(months.get("2026-01").attainment()).isNull();
  }
}
