package com.salesledger.command.target;

import static com.salesledger.command.LedgerFixture.CLOCK;
import static com.salesledger.command.LedgerFixture.caller;
import static com.salesledger.command.LedgerFixture.money;
import static com.salesledger.command.common.Rejections.rejected;
import static com.salesledger.events.common.Rejection.Kind.CONFLICT;
import static com.salesledger.events.common.Rejection.Kind.FORBIDDEN;
import static com.salesledger.events.common.Rejection.Kind.INVALID;
import static com.salesledger.events.common.Rejection.Kind.NOT_FOUND;
import static com.salesledger.events.common.Rejection.Kind.RULE;

import com.salesledger.command.common.CommandResult;
import com.salesledger.events.common.Period;
import com.salesledger.events.target.ApproveTargetRevision;
import com.salesledger.events.target.RejectTargetRevision;
import com.salesledger.events.target.ReviseTarget;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.SetTarget;
import com.salesledger.events.target.TargetIds;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetRevised;
import com.salesledger.events.target.TargetRevisionRejected;
import com.salesledger.events.target.TargetRevisionRequested;
import com.salesledger.events.target.TargetScope;
import com.salesledger.events.target.TargetSet;
import com.salesledger.platform.security.AccessPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Setting and revising one target, with maker-checker above the threshold, as a specification. */
class SalesTargetTest {

  static final Period YEAR = Period.parse("2026");
  static final String ID = "COMPANY:COMPANY:2026:REVENUE";
  static final String STREAM = TargetIds.stream(ID);
  static final Map<String, Object> FINANCE1 = caller("finance1", "FINANCE");
  static final Map<String, Object> FINANCE2 = caller("finance2", "FINANCE");
  static final Map<String, Object> MANAGER1 = caller("manager1", "MANAGER");
  static final Map<String, Object> BOTH = caller("boss", "MANAGER,FINANCE");
  static final Map<String, Object> ADMIN = caller("admin", "ADMIN");
  static final Map<String, Object> REP1 = caller("rep1", "REP");

  private FixtureConfiguration<SalesTarget> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(SalesTarget.class);
    fixture.registerInjectableResource(CLOCK);
    // manager1 manages north-1, as in the test organisation.
    fixture.registerInjectableResource(
        new AccessPolicy(
            (manager, on) -> manager.equals("manager1") ? Set.of("north-1") : Set.of(), CLOCK));
    fixture.registerInjectableResource(new FakeOrganisation());
    fixture.registerInjectableResource(new TargetPolicy(new BigDecimal("0.10")));
  }

  static SetTarget setCompany(String amount) {
    return new SetTarget(
        TargetScope.company(), YEAR, TargetMetric.REVENUE, money(amount), "EUR", "plan");
  }

  static TargetSet companySet(String amount, String by) {
    return new TargetSet(
        ID,
        "TR-0",
        TargetScope.company(),
        YEAR,
        TargetMetric.REVENUE,
        money(amount),
        "EUR",
        null,
        null,
        by,
        "plan");
  }

  static ReviseTarget revise(String amount, String from) {
    return new ReviseTarget(ID, money(amount), LocalDate.parse(from), "market", null);
  }

  @Test
  void finance_sets_a_company_target_whose_id_is_its_scope_period_and_metric() {
    fixture
        .givenNoPriorActivity()
        .when(setCompany("1000000.00"), FINANCE1)
        .expectEvents(companySet("1000000.00", "finance1"))
        .expectResultMessagePayload(new CommandResult(STREAM, 0));
  }

  @Test
  void a_second_target_for_the_same_scope_period_and_metric_is_a_conflict() {
    fixture
        .given(companySet("1000000.00", "finance1"))
        .when(setCompany("5.00"), FINANCE2)
        .expectException(rejected(CONFLICT, null, "already exists"))
        .expectNoEvents();
  }

  /**
   * Found by probing: manager1 got 409 "already exists" for another team's existing target and 403
   * for a missing one, which told whether a target outside their scope exists.
   */
  @Test
  void setting_a_target_outside_ones_scope_is_403_whether_or_not_it_exists() {
    fixture
        .given(companySet("1000000.00", "finance1"))
        .when(setCompany("5.00"), MANAGER1)
        .expectException(rejected(FORBIDDEN, null, "only within your own scope"))
        .expectNoEvents();
    setUp();
    fixture
        .givenNoPriorActivity()
        .when(setCompany("5.00"), MANAGER1)
        .expectException(rejected(FORBIDDEN, null, "only within your own scope"))
        .expectNoEvents();
  }

  @Test
  void a_rep_may_not_set_targets() {
    fixture
        .givenNoPriorActivity()
        .when(setCompany("1.00"), REP1)
        .expectException(rejected(FORBIDDEN, null, "role does not allow"));
  }

  @Test
  void a_rep_target_names_a_rep_of_the_organisation_and_records_their_team() {
    Period march = Period.parse("2026-03");
    TargetScope rep1 = new TargetScope(ScopeLevel.REP, "rep1");
    fixture
        .givenNoPriorActivity()
        .when(
            new SetTarget(rep1, march, TargetMetric.NEW_CUSTOMERS, money("4"), null, "plan"),
            MANAGER1)
        .expectEvents(
            new TargetSet(
                "REP:rep1:2026-03:NEW_CUSTOMERS",
                "TR-0",
                rep1,
                march,
                TargetMetric.NEW_CUSTOMERS,
                money("4"),
                null,
                "north-1",
                null,
                "manager1",
                "plan"));
    setUp(); // a fixture holds one stream
    fixture
        .givenNoPriorActivity()
        .when(
            new SetTarget(
                new TargetScope(ScopeLevel.REP, "ghost"),
                march,
                TargetMetric.REVENUE,
                money("4"),
                "EUR",
                "plan"),
            MANAGER1)
        .expectException(
            rejected(RULE, null, "REP:ghost is not in the organisation on 2026-03-01"));
  }

  @Test
  void amounts_are_not_negative_and_new_customers_are_whole() {
    fixture
        .givenNoPriorActivity()
        .when(setCompany("-1.00"), FINANCE1)
        .expectException(rejected(INVALID, "amount", "must not be negative"));
    setUp(); // a fixture holds one stream
    fixture
        .givenNoPriorActivity()
        .when(
            new SetTarget(
                TargetScope.company(), YEAR, TargetMetric.NEW_CUSTOMERS, money("2.5"), null, "x"),
            FINANCE1)
        .expectException(rejected(INVALID, "amount", "whole number"));
  }

  @Test
  void a_revision_within_the_threshold_applies_at_once() {
    fixture
        .given(companySet("1000000.00", "finance1"))
        .when(revise("1100000.00", "2026-04-01"), FINANCE1)
        .expectEvents(
            new TargetRevised(
                ID,
                "TR-1",
                money("1000000.00"),
                money("1100000.00"),
                LocalDate.parse("2026-04-01"),
                "finance1",
                null,
                "market"))
        .expectResultMessagePayload(new CommandResult(STREAM, 1));
  }

  @Test
  void a_revision_beyond_the_threshold_waits_for_approval() {
    fixture
        .given(companySet("1000000.00", "finance1"))
        .when(revise("1200000.00", "2026-04-01"), FINANCE1)
        .expectEvents(
            new TargetRevisionRequested(
                ID,
                "TR-1",
                money("1000000.00"),
                money("1200000.00"),
                LocalDate.parse("2026-04-01"),
                "finance1",
                "market"));
  }

  private TargetRevisionRequested requested() {
    return new TargetRevisionRequested(
        ID,
        "TR-1",
        money("1000000.00"),
        money("1200000.00"),
        LocalDate.parse("2026-04-01"),
        "boss",
        "market");
  }

  @Test
  void another_finance_user_approves_a_waiting_revision_of_a_company_target() {
    fixture
        .given(companySet("1000000.00", "finance1"), requested())
        .when(new ApproveTargetRevision(ID, "TR-1", "agreed"), FINANCE2)
        .expectEvents(
            new TargetRevised(
                ID,
                "TR-1",
                money("1000000.00"),
                money("1200000.00"),
                LocalDate.parse("2026-04-01"),
                "boss",
                "finance2",
                "agreed"));
  }

  @Test
  void a_manager_cannot_see_let_alone_decide_a_company_target_outside_their_teams() {
    fixture
        .given(companySet("1000000.00", "finance1"), requested())
        .when(new ApproveTargetRevision(ID, "TR-1", "agreed"), MANAGER1)
        .expectException(rejected(NOT_FOUND, null, "No record with id"))
        .expectNoEvents();
  }

  @Test
  void the_requester_never_approves_or_rejects_their_own_revision_whatever_their_roles() {
    fixture
        .given(companySet("1000000.00", "finance1"), requested())
        .when(new ApproveTargetRevision(ID, "TR-1", "me"), BOTH)
        .expectException(rejected(FORBIDDEN, null, "Maker-checker: boss requested revision TR-1"))
        .expectNoEvents();
    fixture
        .given(companySet("1000000.00", "finance1"), requested())
        .when(new RejectTargetRevision(ID, "TR-1", "me"), BOTH)
        .expectException(rejected(FORBIDDEN, null, "Maker-checker"));
  }

  @Test
  void admin_may_revise_but_not_decide_revisions() {
    fixture
        .given(companySet("1000000.00", "finance1"), requested())
        .when(new ApproveTargetRevision(ID, "TR-1", "ok"), ADMIN)
        .expectException(rejected(FORBIDDEN, null, "role does not allow"));
  }

  @Test
  void a_rejected_revision_changes_nothing_and_cannot_be_decided_again() {
    fixture
        .given(companySet("1000000.00", "finance1"), requested())
        .when(new RejectTargetRevision(ID, "TR-1", "too optimistic"), FINANCE2)
        .expectEvents(
            new TargetRevisionRejected(
                ID,
                "TR-1",
                money("1200000.00"),
                LocalDate.parse("2026-04-01"),
                "boss",
                "finance2",
                "too optimistic"));
    fixture
        .given(
            companySet("1000000.00", "finance1"),
            requested(),
            new TargetRevisionRejected(
                ID,
                "TR-1",
                money("1200000.00"),
                LocalDate.parse("2026-04-01"),
                "boss",
                "finance2",
                "no"))
        .when(new ApproveTargetRevision(ID, "TR-1", "late"), FINANCE2)
        .expectException(rejected(CONFLICT, null, "already rejected by finance2"));
  }

  @Test
  void deciding_an_unknown_revision_is_404() {
    fixture
        .given(companySet("1000000.00", "finance1"))
        .when(new ApproveTargetRevision(ID, "TR-9", "ok"), FINANCE2)
        .expectException(rejected(NOT_FOUND, null, "No revision TR-9"));
  }

  @Test
  void a_revision_of_a_revised_target_is_measured_against_the_amount_it_replaces() {
    TargetRevised april =
        new TargetRevised(
            ID,
            "TR-1",
            money("1000000.00"),
            money("1200000.00"),
            LocalDate.parse("2026-04-01"),
            "boss",
            "manager1",
            "agreed");
    // 1,250,000 from May is 4% above April's 1,200,000: applies at once.
    fixture
        .given(companySet("1000000.00", "finance1"), requested(), april)
        .when(revise("1250000.00", "2026-05-01"), FINANCE1)
        .expectEvents(
            new TargetRevised(
                ID,
                "TR-3",
                money("1200000.00"),
                money("1250000.00"),
                LocalDate.parse("2026-05-01"),
                "finance1",
                null,
                "market"));
    // The same amount from March is 25% above the original amount in force then: waits.
    fixture
        .given(companySet("1000000.00", "finance1"), requested(), april)
        .when(revise("1250000.00", "2026-03-01"), FINANCE1)
        .expectEvents(
            new TargetRevisionRequested(
                ID,
                "TR-3",
                money("1000000.00"),
                money("1250000.00"),
                LocalDate.parse("2026-03-01"),
                "finance1",
                "market"));
  }

  @Test
  void a_revision_is_effective_from_a_day_within_the_period() {
    fixture
        .given(companySet("1000000.00", "finance1"))
        .when(revise("1000001.00", "2027-01-01"), FINANCE1)
        .expectException(rejected(INVALID, "effectiveFrom", "within the target's period 2026"));
  }

  @Test
  void revising_a_target_nobody_set_is_404() {
    fixture
        .givenNoPriorActivity()
        .when(revise("1.00", "2026-04-01"), FINANCE1)
        .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
  }
}
