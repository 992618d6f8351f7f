package com.salesledger.query.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.common.Period;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetDecomposed;
import com.salesledger.events.target.TargetDecomposed.DecomposedChild;
import com.salesledger.events.target.TargetIds;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetReapportioned;
import com.salesledger.events.target.TargetRevised;
import com.salesledger.events.target.TargetRevisionRejected;
import com.salesledger.events.target.TargetRevisionRequested;
import com.salesledger.events.target.TargetScope;
import com.salesledger.events.target.TargetSet;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.MigrationBackfill;
import com.salesledger.query.common.Projector;
import com.salesledger.query.common.ReadModelDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The target projection against a real PostgreSQL, asked bitemporally: a revision counts from the
 * instant it came into force (recorded, or approved) and on the days from its effective day on.
 */
class TargetProjectionTest {

  static final Period YEAR = Period.parse("2026");
  static final String COMPANY = "COMPANY:COMPANY:2026:REVENUE";
  static final LocalDate TODAY = LocalDate.parse("2026-06-30");
  static final Instant JANUARY = Instant.parse("2026-01-10T09:00:00Z");
  static final Instant REQUESTED = Instant.parse("2026-03-10T09:00:00Z");
  static final Instant APPROVED = Instant.parse("2026-03-12T09:00:00Z");
  static final LocalDate MARCH = LocalDate.parse("2026-03-20");
  static final LocalDate MAY = LocalDate.parse("2026-05-15");

  private ReadModelDatabase db;
  private Projector projector;
  private JdbcTargetViews views;
  private JdbcTargetFigures figures;

  @BeforeEach
  void setUp() {
    db = ReadModelDatabase.emptied();
    projector = new Projector(new TargetProjection(db.jdbc()));
    views = new JdbcTargetViews(db.jdbc());
    figures = new JdbcTargetFigures(db.jdbc());
  }

  static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  static TargetSet set(String id, TargetScope scope, Period period, String amount, String parent) {
    return new TargetSet(
        id,
        "TR-0",
        scope,
        period,
        TargetMetric.REVENUE,
        money(amount),
        "EUR",
        scope.level() == ScopeLevel.REP ? "north-1" : null,
        parent,
        "finance1",
        "plan");
  }

  /** The company target's revision TR-1: 1,000,000 to 1,200,000 from April, by finance1. */
  private static TargetRevisionRequested companyRequestFromApril() {
    return new TargetRevisionRequested(
        COMPANY,
        "TR-1",
        money("1000000.00"),
        money("1200000.00"),
        LocalDate.parse("2026-04-01"),
        "finance1",
        "new market");
  }

  private static TargetRevised companyRequestApprovedBy(String approver) {
    return new TargetRevised(
        COMPANY,
        "TR-1",
        money("1000000.00"),
        money("1200000.00"),
        LocalDate.parse("2026-04-01"),
        "finance1",
        approver,
        "agreed");
  }

  private void companyRevisedInMarchFromApril() {
    projector
        .at(JANUARY)
        .handle(
            TargetIds.stream(COMPANY),
            set(COMPANY, TargetScope.company(), YEAR, "1000000.00", null));
    projector.at(REQUESTED).handle(TargetIds.stream(COMPANY), companyRequestFromApril());
    projector.at(APPROVED).handle(TargetIds.stream(COMPANY), companyRequestApprovedBy("manager1"));
  }

  @Test
  void a_revision_requested_and_approved_in_one_batch_is_written_once_and_counts() {
    projector
        .at(JANUARY)
        .handle(
            TargetIds.stream(COMPANY),
            set(COMPANY, TargetScope.company(), YEAR, "1000000.00", null));
    projector
        .at(APPROVED)
        .batch(
            List.of(
                new Projector.Stored(TargetIds.stream(COMPANY), companyRequestFromApril()),
                new Projector.Stored(
                    TargetIds.stream(COMPANY), companyRequestApprovedBy("finance2"))));
    assertThat(company(MAY, APPROVED.plusSeconds(1)))
        .containsExactly(Map.entry("COMPANY", money("1200000.00")));
    assertThat(
            db.jdbc()
                .queryForObject(
                    "select count(*) from target_revision where target_id = ? and revision_id = 'TR-1'",
                    Integer.class,
                    COMPANY))
        .isEqualTo(1);
  }

  private Map<String, BigDecimal> company(LocalDate on, Instant asOf) {
    return figures.amountsInForce(
        ScopeLevel.COMPANY, YEAR, TargetMetric.REVENUE, on, asOf, DataScope.everything());
  }

  private TargetView view(String id, LocalDate on, Instant asOf, DataScope scope) {
    return views
        .find(id, new TargetViews.Selection(null, null, null, null, on, asOf, TODAY), scope)
        .orElse(null);
  }

  @Test
  void a_revision_counts_only_once_approved_and_only_from_its_effective_day() {
    companyRevisedInMarchFromApril();

    assertThat(company(MAY, Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
    assertThat(company(MAY, Instant.parse("2026-02-01T00:00:00Z")))
        .containsExactly(Map.entry("COMPANY", money("1000000.00")));
    // Recorded but waiting: it does not count.
    assertThat(company(MAY, Instant.parse("2026-03-11T00:00:00Z")))
        .containsExactly(Map.entry("COMPANY", money("1000000.00")));
    // From the approval's instant on, for days from April on.
    assertThat(company(MAY, APPROVED)).containsExactly(Map.entry("COMPANY", money("1200000.00")));
    assertThat(company(MAY, APPROVED.minusMillis(1)))
        .containsExactly(Map.entry("COMPANY", money("1000000.00")));
    assertThat(company(MARCH, Instant.parse("2026-06-01T00:00:00Z")))
        .containsExactly(Map.entry("COMPANY", money("1000000.00")));
    assertThat(company(LocalDate.parse("2026-04-01"), Instant.parse("2026-06-01T00:00:00Z")))
        .containsExactly(Map.entry("COMPANY", money("1200000.00")));
  }

  /**
   * Revisions of revisions: the latest effective day wins, and of one effective day the one applied
   * last; a revision applied later but effective earlier does not override it. Asked after every
   * revision was applied (the settled answer) and before, the rule is the same.
   */
  @Test
  void the_latest_effective_day_wins_then_the_latest_applied_whatever_the_order_of_recording() {
    companyRevisedInMarchFromApril();
    Instant februaryRevision = APPROVED.plusSeconds(3600);
    Instant secondAprilRevision = APPROVED.plusSeconds(7200);
    projector
        .at(februaryRevision)
        .handle(
            TargetIds.stream(COMPANY),
            new TargetRevised(
                COMPANY,
                "TR-2",
                money("1200000.00"),
                money("1100000.00"),
                LocalDate.parse("2026-02-01"),
                "finance1",
                null,
                "correction"));
    Instant afterAll = Instant.parse("2026-06-01T00:00:00Z");
    assertThat(company(MAY, afterAll)).containsExactly(Map.entry("COMPANY", money("1200000.00")));
    assertThat(company(MARCH, afterAll)).containsExactly(Map.entry("COMPANY", money("1100000.00")));
    assertThat(company(LocalDate.parse("2026-01-15"), afterAll))
        .containsExactly(Map.entry("COMPANY", money("1000000.00")));

    projector
        .at(secondAprilRevision)
        .handle(
            TargetIds.stream(COMPANY),
            new TargetRevised(
                COMPANY,
                "TR-3",
                money("1200000.00"),
                money("1250000.00"),
                LocalDate.parse("2026-04-01"),
                "finance1",
                null,
                "second thoughts"));
    assertThat(company(MAY, afterAll)).containsExactly(Map.entry("COMPANY", money("1250000.00")));
    assertThat(company(MAY, secondAprilRevision.minusMillis(1)))
        .containsExactly(Map.entry("COMPANY", money("1200000.00")));
    assertThat(company(MARCH, afterAll)).containsExactly(Map.entry("COMPANY", money("1100000.00")));
  }

  /** V300 fills in the settled amounts of an upgraded ledger as the projection does. */
  @Test
  void an_upgraded_ledger_settles_targets_as_the_projection_does() {
    the_latest_effective_day_wins_then_the_latest_applied_whatever_the_order_of_recording();
    String rep1 = "REP:rep1:2026:REVENUE";
    projector.handle(
        TargetIds.stream(rep1),
        set(rep1, new TargetScope(ScopeLevel.REP, "rep1"), YEAR, "10.00", null));
    assertThat(
            db.jdbc()
                .queryForObject(
                    "select count(*) from target_view where settled_amount is not null"
                        + " and settled_from is not null",
                    Integer.class))
        .isEqualTo(1);

    MigrationBackfill.assertFillsInWhatTheProjectionWrote(
        db,
        "V300__target_settled_amount.sql",
        List.of(
            "target_view.settled_amount",
            "target_view.settled_from",
            "target_view.last_applied_at"));
  }

  @Test
  void the_view_shows_the_history_and_what_waited_as_known_at_the_instant_asked() {
    companyRevisedInMarchFromApril();

    TargetView waiting =
        view(COMPANY, MAY, Instant.parse("2026-03-11T00:00:00Z"), DataScope.everything());
    assertThat(waiting.amount()).isEqualByComparingTo("1000000.00");
    assertThat(waiting.revisions())
        .extracting(TargetView.Revision::status)
        .containsExactly("APPLIED", "PENDING");
    assertThat(waiting.pendingRevisions())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.revisionId()).isEqualTo("TR-1");
              assertThat(r.approvedBy()).isNull();
              assertThat(r.by()).isEqualTo("finance1");
            });

    TargetView later =
        view(COMPANY, MAY, Instant.parse("2026-04-01T00:00:00Z"), DataScope.everything());
    assertThat(later.amount()).isEqualByComparingTo("1200000.00");
    assertThat(later.pendingRevisions()).isEmpty();
    TargetView.Revision approved = later.revisions().get(1);
    assertThat(approved.status()).isEqualTo("APPLIED");
    assertThat(approved.amount()).isEqualByComparingTo("1200000.00");
    assertThat(approved.effectiveFrom()).isEqualTo(LocalDate.parse("2026-04-01"));
    assertThat(approved.recordedAt()).isEqualTo(REQUESTED);
    assertThat(approved.inForceFrom()).isEqualTo(APPROVED);
    assertThat(approved.approvedBy()).isEqualTo("manager1");
    assertThat(approved.reason()).isEqualTo("new market");
    assertThat(approved.decisionReason()).isEqualTo("agreed");

    assertThat(view(COMPANY, MAY, Instant.parse("2026-01-01T00:00:00Z"), DataScope.everything()))
        .isNull();
  }

  @Test
  void a_rejected_revision_never_counts() {
    projector
        .at(JANUARY)
        .handle(
            TargetIds.stream(COMPANY), set(COMPANY, TargetScope.company(), YEAR, "1000.00", null));
    projector
        .at(REQUESTED)
        .handle(
            TargetIds.stream(COMPANY),
            new TargetRevisionRequested(
                COMPANY,
                "TR-1",
                money("1000.00"),
                money("5000.00"),
                LocalDate.parse("2026-01-01"),
                "manager1",
                "hope"));
    projector
        .at(APPROVED)
        .handle(
            TargetIds.stream(COMPANY),
            new TargetRevisionRejected(
                COMPANY,
                "TR-1",
                money("5000.00"),
                LocalDate.parse("2026-01-01"),
                "manager1",
                "finance2",
                "no basis"));

    Instant after = Instant.parse("2026-06-01T00:00:00Z");
    assertThat(company(MAY, after)).containsExactly(Map.entry("COMPANY", money("1000.00")));
    TargetView view = view(COMPANY, MAY, after, DataScope.everything());
    assertThat(view.revisions().get(1).status()).isEqualTo("REJECTED");
    assertThat(view.revisions().get(1).rejectedBy()).isEqualTo("finance2");
    assertThat(
            view(COMPANY, MAY, Instant.parse("2026-03-11T00:00:00Z"), DataScope.everything())
                .revisions()
                .get(1)
                .status())
        .isEqualTo("PENDING");
  }

  @Test
  void a_parent_revised_after_its_decomposition_is_out_of_balance_until_decomposed_again() {
    String stream = TargetIds.stream(COMPANY);
    projector
        .at(JANUARY)
        .handle(stream, set(COMPANY, TargetScope.company(), YEAR, "1000.00", null));
    List<DecomposedChild> quarters = new java.util.ArrayList<>();
    for (int q = 1; q <= 4; q++) {
      Period quarter = Period.parse("2026-Q" + q);
      String id = "COMPANY:COMPANY:2026-Q" + q + ":REVENUE";
      quarters.add(new DecomposedChild(id, TargetScope.company(), quarter, money("250.00")));
      projector.handle(
          TargetIds.stream(id), set(id, TargetScope.company(), quarter, "250.00", COMPANY));
    }
    projector.handle(
        stream, new TargetDecomposed(COMPANY, money("1000.00"), quarters, "finance1", "split"));
    projector
        .at(REQUESTED)
        .handle(
            stream,
            new TargetRevised(
                COMPANY,
                "TR-2",
                money("1000.00"),
                money("1100.00"),
                LocalDate.parse("2026-07-01"),
                "finance1",
                null,
                "more"));

    TargetView before =
        view(COMPANY, MAY, Instant.parse("2026-02-01T00:00:00Z"), DataScope.everything());
    assertThat(before.outOfBalance()).isFalse();
    assertThat(before.childrenTotal()).isEqualByComparingTo("1000.00");
    assertThat(before.children()).hasSize(4);

    TargetView after =
        view(COMPANY, MAY, Instant.parse("2026-03-11T00:00:00Z"), DataScope.everything());
    assertThat(after.outOfBalance()).isTrue();
    assertThat(after.latestAmount()).isEqualByComparingTo("1100.00");
    assertThat(after.amount()).isEqualByComparingTo("1000.00");
    assertThat(after.childrenTotal()).isEqualByComparingTo("1000.00");

    String q4 = "COMPANY:COMPANY:2026-Q4:REVENUE";
    projector
        .at(APPROVED)
        .handle(
            TargetIds.stream(q4),
            new TargetReapportioned(
                q4, "TR-1", COMPANY, money("250.00"), money("350.00"), "finance1", "again"));
    projector.handle(
        stream, new TargetDecomposed(COMPANY, money("1100.00"), quarters, "finance1", "again"));

    TargetView again =
        view(COMPANY, MAY, Instant.parse("2026-04-01T00:00:00Z"), DataScope.everything());
    assertThat(again.outOfBalance()).isFalse();
    assertThat(again.childrenTotal()).isEqualByComparingTo("1100.00");
    assertThat(
            view(q4, null, Instant.parse("2026-04-01T00:00:00Z"), DataScope.everything()).amount())
        .isEqualByComparingTo("350.00");
  }

  @Test
  void
      a_rep_target_is_seen_by_the_rep_and_their_team_and_company_targets_only_by_unlimited_scopes() {
    String rep1 = "REP:rep1:2026:REVENUE";
    projector
        .at(JANUARY)
        .handle(
            TargetIds.stream(rep1),
            set(rep1, new TargetScope(ScopeLevel.REP, "rep1"), YEAR, "10.00", null));
    projector.handle(
        TargetIds.stream(COMPANY), set(COMPANY, TargetScope.company(), YEAR, "99.00", null));
    Instant now = Instant.parse("2026-06-01T00:00:00Z");

    assertThat(view(rep1, null, now, DataScope.ownedBy("rep1"))).isNotNull();
    assertThat(view(rep1, null, now, DataScope.ofTeams(java.util.Set.of("north-1")))).isNotNull();
    assertThat(view(rep1, null, now, DataScope.ownedBy("rep2"))).isNull();
    assertThat(view(COMPANY, null, now, DataScope.ofTeams(java.util.Set.of("north-1")))).isNull();
    assertThat(view(COMPANY, null, now, DataScope.everything())).isNotNull();
    assertThat(
            views.list(
                new TargetViews.Selection(
                    ScopeLevel.REP, null, "2026", TargetMetric.REVENUE, null, now, TODAY),
                DataScope.everything()))
        .extracting(TargetView::targetId)
        .containsExactly(rep1);
    assertThat(figures(ScopeLevel.REP, MAY, now, DataScope.everything()))
        .containsExactly(Map.entry("rep1", money("10.00")));
  }

  /** A dashboard by month asks every month's company target, each on its own day, at once. */
  @Test
  void several_periods_in_one_look_up_answer_as_each_period_asked_alone() {
    companyRevisedInMarchFromApril();
    String march = "COMPANY:COMPANY:2026-03:REVENUE";
    projector.handle(
        TargetIds.stream(march),
        set(march, TargetScope.company(), Period.parse("2026-03"), "100.00", null));
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    Map<Period, LocalDate> days =
        Map.of(
            YEAR,
            MAY,
            Period.parse("2026-03"),
            MARCH,
            Period.parse("2026-04"),
            LocalDate.parse("2026-04-30"));
    List<Period> periods = List.of(Period.parse("2026-03"), YEAR, Period.parse("2026-04"));

    Map<Period, Map<TargetMetric, Map<String, BigDecimal>>> together =
        figures.amountsInForceByPeriod(
            ScopeLevel.COMPANY, periods, days::get, now, DataScope.everything());

    assertThat(together.keySet()).containsExactlyElementsOf(periods);
    assertThat(together.get(YEAR).get(TargetMetric.REVENUE))
        .containsExactly(Map.entry("COMPANY", money("1200000.00")));
    assertThat(together.get(Period.parse("2026-03")).get(TargetMetric.REVENUE))
        .containsExactly(Map.entry("COMPANY", money("100.00")));
    assertThat(together.get(Period.parse("2026-04")).get(TargetMetric.REVENUE)).isEmpty();
    for (Period period : periods) {
      assertThat(together.get(period))
          .as("%s", period)
          .isEqualTo(
              figures.amountsInForceByMetric(
                  ScopeLevel.COMPANY, period, days.get(period), now, DataScope.everything()));
    }
  }

  /**
   * The dashboard's attainment reads targets through the same rule as the targets query: a rep's
   * dashboard grouped by team or region, or a manager's total, showed the team's, region's or
   * company's target although GET /api/targets/{id} answered 404 for it (found by probing).
   */
  @Test
  void target_figures_for_the_dashboard_leave_out_targets_outside_the_callers_scope() {
    String rep1 = "REP:rep1:2026:REVENUE";
    String team = "TEAM:north-1:2026:REVENUE";
    projector
        .at(JANUARY)
        .handle(
            TargetIds.stream(rep1),
            set(rep1, new TargetScope(ScopeLevel.REP, "rep1"), YEAR, "10.00", null));
    projector.handle(
        TargetIds.stream(team),
        set(team, new TargetScope(ScopeLevel.TEAM, "north-1"), YEAR, "30.00", null));
    projector.handle(
        TargetIds.stream(COMPANY), set(COMPANY, TargetScope.company(), YEAR, "99.00", null));
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    DataScope rep = DataScope.ownedBy("rep1");
    DataScope manager = DataScope.ofTeams(java.util.Set.of("north-1"));
    DataScope otherManager = DataScope.ofTeams(java.util.Set.of("south-1"));

    assertThat(figures(ScopeLevel.REP, MAY, now, rep)).containsOnlyKeys("rep1");
    assertThat(figures(ScopeLevel.TEAM, MAY, now, rep)).isEmpty();
    assertThat(figures(ScopeLevel.COMPANY, MAY, now, rep)).isEmpty();
    assertThat(figures(ScopeLevel.REP, MAY, now, manager)).containsOnlyKeys("rep1");
    assertThat(figures(ScopeLevel.TEAM, MAY, now, manager)).containsOnlyKeys("north-1");
    assertThat(figures(ScopeLevel.COMPANY, MAY, now, manager)).isEmpty();
    assertThat(figures(ScopeLevel.REP, MAY, now, otherManager)).isEmpty();
    assertThat(figures(ScopeLevel.TEAM, MAY, now, otherManager)).isEmpty();
    assertThat(figures(ScopeLevel.COMPANY, MAY, now, DataScope.everything()))
        .containsExactly(Map.entry("COMPANY", money("99.00")));
  }

  private Map<String, BigDecimal> figures(
      ScopeLevel level, LocalDate on, Instant asOf, DataScope scope) {
    Map<String, BigDecimal> revenue =
        figures.amountsInForce(level, YEAR, TargetMetric.REVENUE, on, asOf, scope);
    // the all-metrics look-up the dashboard uses answers the same, and nothing for other metrics
    Map<TargetMetric, Map<String, BigDecimal>> all =
        figures.amountsInForceByMetric(level, YEAR, on, asOf, scope);
    assertThat(all).containsOnlyKeys(TargetMetric.values());
    assertThat(all.get(TargetMetric.REVENUE)).isEqualTo(revenue);
    assertThat(all.get(TargetMetric.COLLECTIONS)).isEmpty();
    return revenue;
  }

  @Test
  void a_replayed_batch_rewrites_the_same_rows() {
    companyRevisedInMarchFromApril();
    Long before = db.jdbc().queryForObject("select count(*) from target_revision", Long.class);
    companyRevisedInMarchFromApril();
    assertThat(db.jdbc().queryForObject("select count(*) from target_revision", Long.class))
        .isEqualTo(before)
        .isEqualTo(2);
  }
}
