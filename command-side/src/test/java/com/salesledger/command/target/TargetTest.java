package com.salesledger.command.target;

import static com.salesledger.command.target.TargetHarness.ADMIN;
import static com.salesledger.command.target.TargetHarness.COMPANY;
import static com.salesledger.command.target.TargetHarness.COMPANY_REVENUE;
import static com.salesledger.command.target.TargetHarness.FINANCE1;
import static com.salesledger.command.target.TargetHarness.FINANCE2;
import static com.salesledger.command.target.TargetHarness.FINANCE_AND_MANAGER;
import static com.salesledger.command.target.TargetHarness.MANAGER1;
import static com.salesledger.command.target.TargetHarness.REP1;
import static com.salesledger.command.target.TargetHarness.Y2026;
import static com.salesledger.command.target.TargetHarness.id;
import static com.salesledger.command.target.TargetHarness.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.events.common.Period;
import com.salesledger.events.common.Rejection;
import com.salesledger.events.common.Rejection.Kind;
import com.salesledger.events.target.ApproveTargetRevision;
import com.salesledger.events.target.DecomposeTarget;
import com.salesledger.events.target.RejectTargetRevision;
import com.salesledger.events.target.ReviseTarget;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.SetTarget;
import com.salesledger.events.target.TargetChild;
import com.salesledger.events.target.TargetDecomposed;
import com.salesledger.events.target.TargetDecomposed.DecomposedChild;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetReapportioned;
import com.salesledger.events.target.TargetRevised;
import com.salesledger.events.target.TargetRevisionRejected;
import com.salesledger.events.target.TargetRevisionRequested;
import com.salesledger.events.target.TargetScope;
import com.salesledger.events.target.TargetSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every rule of targets: one per scope/period/metric, nesting and sums, maker-checker, balance. */
class TargetTest {

  private static final TargetScope NORTH = new TargetScope(ScopeLevel.REGION, "north");
  private static final TargetScope SOUTH = new TargetScope(ScopeLevel.REGION, "south");
  private static final TargetScope NORTH_1 = new TargetScope(ScopeLevel.TEAM, "north-1");
  private static final TargetScope REP_1 = new TargetScope(ScopeLevel.REP, "rep1");
  private static final TargetScope REP_2 = new TargetScope(ScopeLevel.REP, "rep2");
  private static final TargetScope REP_3 = new TargetScope(ScopeLevel.REP, "rep3");

  private final TargetHarness ledger = new TargetHarness();

  {
    ledger
        .chart
        .team("north-1", "north", "rep1", "rep2")
        .team("north-2", "north", "rep3")
        .team("south-1", "south", "rep4");
  }

  @AfterEach
  void tearDown() {
    ledger.close();
  }

  private static TargetSet companySet(String amount) {
    return new TargetSet(
        COMPANY_REVENUE,
        "TR-0",
        COMPANY,
        Y2026,
        TargetMetric.REVENUE,
        money(amount),
        "EUR",
        null,
        null,
        "finance1",
        "plan 2026");
  }

  private static SetTarget set(TargetScope scope, String period, String amount) {
    return new SetTarget(
        scope, Period.parse(period), TargetMetric.REVENUE, money(amount), "EUR", "plan");
  }

  private Rejection refusal(Object command, Map<String, Object> caller) {
    Rejected rejected = catchThrowableOfType(Rejected.class, () -> ledger.send(command, caller));
    assertThat(rejected).as("refused").isNotNull();
    return rejected.rejection();
  }

  private static ReviseTarget revise(String amount, String from) {
    return new ReviseTarget(COMPANY_REVENUE, money(amount), LocalDate.parse(from), "why", null);
  }

  private static TargetChild quarter(String period, String amount) {
    return new TargetChild(null, Period.parse(period), money(amount));
  }

  private static TargetChild scope(TargetScope scope, String amount) {
    return new TargetChild(scope, null, money(amount));
  }

  private static DecomposeTarget decompose(String targetId, TargetChild... children) {
    return new DecomposeTarget(targetId, List.of(children), "split", null);
  }

  @Test
  void aTargetIsSetForItsScopePeriodAndMetricWithItsReason() {
    Object result =
        ledger.send(
            new SetTarget(
                COMPANY, Y2026, TargetMetric.REVENUE, money("1200000"), "EUR", "plan 2026"),
            FINANCE1);

    assertThat(ledger.events(COMPANY_REVENUE)).containsExactly(companySet("1200000"));
    assertThat(result).isEqualTo(new CommandResult("target/" + COMPANY_REVENUE, 0));
  }

  @Test
  void aSecondTargetForTheSameScopePeriodAndMetricIsAConflict() {
    ledger.given(COMPANY_REVENUE, companySet("1200000"));

    Rejection refusal = refusal(set(COMPANY, "2026", "900000"), FINANCE2);

    assertThat(refusal.kind()).isEqualTo(Kind.CONFLICT);
    assertThat(refusal.message()).contains("already exists: " + COMPANY_REVENUE);
    assertThat(ledger.events(COMPANY_REVENUE)).hasSize(1);
  }

  @Test
  void theSameScopeAndPeriodTakeOneTargetPerMetric() {
    ledger.given(COMPANY_REVENUE, companySet("1200000"));

    ledger.send(
        new SetTarget(COMPANY, Y2026, TargetMetric.COLLECTIONS, money("1000000"), "EUR", "cash"),
        FINANCE1);

    assertThat(ledger.events(id(COMPANY, "2026", TargetMetric.COLLECTIONS))).hasSize(1);
  }

  @Test
  void aRepTargetRecordsTheRepsTeamOnThePeriodsFirstDay() {
    ledger.send(set(REP_1, "2026-03", "10000"), MANAGER1);

    TargetSet set = (TargetSet) ledger.last(id(REP_1, "2026-03", TargetMetric.REVENUE));
    assertThat(set.teamOfRep()).isEqualTo("north-1");
  }

  @Test
  void aTargetForARepTheOrganisationDoesNotKnowIsRefused() {
    Rejection refusal =
        refusal(set(new TargetScope(ScopeLevel.REP, "ghost"), "2026", "1"), FINANCE1);

    assertThat(refusal.kind()).isEqualTo(Kind.RULE);
    assertThat(refusal.message()).contains("no REP:ghost on 2026-01-01");
  }

  @Test
  void repsAndAuditorsMayNotSetTargets() {
    assertThat(refusal(set(COMPANY, "2026", "1"), REP1).kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(refusal(set(COMPANY, "2026", "1"), TargetHarness.AUDITOR).kind())
        .isEqualTo(Kind.FORBIDDEN);
  }

  @Test
  void newCustomersAreAWholeCount() {
    Rejection refusal =
        refusal(
            new SetTarget(COMPANY, Y2026, TargetMetric.NEW_CUSTOMERS, money("2.5"), null, "x"),
            FINANCE1);

    assertThat(refusal.kind()).isEqualTo(Kind.INVALID);
    assertThat(refusal.field()).isEqualTo("amount");
  }

  @Test
  void aYearDecomposesIntoQuartersThatAddUpAndEachBecomesATargetOfItsOwn() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));

    ledger.send(
        decompose(
            COMPANY_REVENUE,
            quarter("2026-Q1", "100"),
            quarter("2026-Q2", "200"),
            quarter("2026-Q3", "300"),
            quarter("2026-Q4", "400")),
        FINANCE1);

    String q2 = id(COMPANY, "2026-Q2", TargetMetric.REVENUE);
    TargetDecomposed decomposed = (TargetDecomposed) ledger.last(COMPANY_REVENUE);
    assertThat(decomposed.amount()).isEqualByComparingTo("1000");
    assertThat(decomposed.children())
        .extracting(DecomposedChild::targetId)
        .containsExactly(
            id(COMPANY, "2026-Q1", TargetMetric.REVENUE),
            q2,
            id(COMPANY, "2026-Q3", TargetMetric.REVENUE),
            id(COMPANY, "2026-Q4", TargetMetric.REVENUE));
    assertThat(ledger.events(q2))
        .containsExactly(
            new TargetSet(
                q2,
                "TR-0",
                COMPANY,
                Period.parse("2026-Q2"),
                TargetMetric.REVENUE,
                money("200"),
                "EUR",
                null,
                COMPANY_REVENUE,
                "finance1",
                "split"));
  }

  @Test
  void childrenThatDoNotAddUpAreRefusedNamingTheDifference() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));

    Rejection refusal =
        refusal(
            decompose(COMPANY_REVENUE, quarter("2026-Q1", "100"), quarter("2026-Q2", "850.50")),
            FINANCE1);

    assertThat(refusal.kind()).isEqualTo(Kind.RULE);
    assertThat(refusal.message())
        .isEqualTo("The children add up to 950.50 but the target is 1000: a difference of -49.50.");
    assertThat(ledger.events(COMPANY_REVENUE)).hasSize(1);
    assertThat(ledger.events(id(COMPANY, "2026-Q1", TargetMetric.REVENUE))).isEmpty();
  }

  @Test
  void quartersAndMonthsCannotBeMixedNorPeriodsOutsideTheParent() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));

    Rejection mixed =
        refusal(
            decompose(COMPANY_REVENUE, quarter("2026-Q1", "500"), quarter("2026-07", "500")),
            FINANCE1);
    Rejection outside = refusal(decompose(COMPANY_REVENUE, quarter("2027-Q1", "1000")), FINANCE1);

    assertThat(mixed.kind()).isEqualTo(Kind.INVALID);
    assertThat(mixed.field()).isEqualTo("children[1]");
    assertThat(outside.kind()).isEqualTo(Kind.RULE);
    assertThat(outside.message()).contains("not a sub-period of 2026");
  }

  @Test
  void theCompanyDecomposesIntoItsRegionsPerTheOrganisation() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));

    ledger.send(decompose(COMPANY_REVENUE, scope(NORTH, "600"), scope(SOUTH, "400")), FINANCE1);

    TargetSet north = (TargetSet) ledger.last(id(NORTH, "2026", TargetMetric.REVENUE));
    assertThat(north.amount()).isEqualByComparingTo("600");
    assertThat(north.parentId()).isEqualTo(COMPANY_REVENUE);
  }

  @Test
  void aTeamDecomposesIntoItsRepsAndNotIntoAnotherTeamsRep() {
    String team = id(NORTH_1, "2026", TargetMetric.REVENUE);
    ledger.send(set(NORTH_1, "2026", "300"), FINANCE1);

    Rejection foreign =
        refusal(decompose(team, scope(REP_1, "100"), scope(REP_3, "200")), FINANCE1);
    ledger.send(decompose(team, scope(REP_1, "100"), scope(REP_2, "200")), FINANCE1);

    assertThat(foreign.kind()).isEqualTo(Kind.RULE);
    assertThat(foreign.message())
        .contains("children[1] (REP:rep3) does not belong to TEAM:north-1");
    TargetSet rep2 = (TargetSet) ledger.last(id(REP_2, "2026", TargetMetric.REVENUE));
    assertThat(rep2.teamOfRep()).isEqualTo("north-1");
    assertThat(rep2.amount()).isEqualByComparingTo("200");
  }

  @Test
  void aRegionDoesNotDecomposeIntoRepsSkippingItsTeams() {
    String region = id(NORTH, "2026", TargetMetric.REVENUE);
    ledger.send(set(NORTH, "2026", "300"), FINANCE1);

    Rejection refusal = refusal(decompose(region, scope(REP_1, "300")), FINANCE1);

    assertThat(refusal.kind()).isEqualTo(Kind.RULE);
  }

  @Test
  void aRevisionWithinTheThresholdAppliesAtOnce() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));

    ledger.send(revise("1100", "2026-04-01"), FINANCE1);

    assertThat(ledger.last(COMPANY_REVENUE))
        .isEqualTo(
            new TargetRevised(
                COMPANY_REVENUE,
                "TR-1",
                money("1000"),
                money("1100"),
                LocalDate.of(2026, 4, 1),
                "finance1",
                null,
                "why"));
  }

  @Test
  void aRevisionAboveTheThresholdWaitsAndAnotherUserApprovesIt() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));

    ledger.send(revise("1101", "2026-04-01"), FINANCE1);
    TargetRevisionRequested requested = (TargetRevisionRequested) ledger.last(COMPANY_REVENUE);
    ledger.send(new ApproveTargetRevision(COMPANY_REVENUE, "TR-1", "agreed"), MANAGER1);

    assertThat(requested.revisionId()).isEqualTo("TR-1");
    assertThat(requested.amount()).isEqualByComparingTo("1101");
    assertThat(ledger.last(COMPANY_REVENUE))
        .isEqualTo(
            new TargetRevised(
                COMPANY_REVENUE,
                "TR-1",
                money("1000"),
                money("1101"),
                LocalDate.of(2026, 4, 1),
                "finance1",
                "manager1",
                "agreed"));
  }

  @Test
  void theRequesterCanNeverApproveOrRejectTheirOwnRevisionWhateverTheirRoles() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));
    ledger.send(revise("2000", "2026-04-01"), FINANCE_AND_MANAGER);

    Rejection approve =
        refusal(new ApproveTargetRevision(COMPANY_REVENUE, "TR-1", "mine"), FINANCE_AND_MANAGER);
    Rejection reject =
        refusal(new RejectTargetRevision(COMPANY_REVENUE, "TR-1", "mine"), FINANCE_AND_MANAGER);

    assertThat(approve.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(approve.message()).startsWith("Maker-checker: boss requested revision TR-1");
    assertThat(reject.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(ledger.last(COMPANY_REVENUE)).isInstanceOf(TargetRevisionRequested.class);
  }

  @Test
  void anAdministratorMayReviseButNotDecide() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));
    ledger.send(revise("2000", "2026-04-01"), FINANCE1);

    assertThat(refusal(new ApproveTargetRevision(COMPANY_REVENUE, "TR-1", "ok"), ADMIN).kind())
        .isEqualTo(Kind.FORBIDDEN);
  }

  @Test
  void aRejectedRevisionLeavesTheTargetAsItWasAndCannotBeDecidedAgain() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));
    ledger.send(revise("2000", "2026-04-01"), FINANCE1);

    ledger.send(new RejectTargetRevision(COMPANY_REVENUE, "TR-1", "too much"), FINANCE2);
    Rejection again = refusal(new ApproveTargetRevision(COMPANY_REVENUE, "TR-1", "ok"), MANAGER1);

    assertThat(ledger.last(COMPANY_REVENUE))
        .isEqualTo(
            new TargetRevisionRejected(
                COMPANY_REVENUE,
                "TR-1",
                money("2000"),
                LocalDate.of(2026, 4, 1),
                "finance1",
                "finance2",
                "too much"));
    assertThat(again.kind()).isEqualTo(Kind.CONFLICT);
    ledger.send(revise("1050", "2026-04-01"), FINANCE1);
    assertThat(((TargetRevised) ledger.last(COMPANY_REVENUE)).previousAmount())
        .isEqualByComparingTo("1000");
  }

  @Test
  void aRevisionOfARevisionIsMeasuredAgainstTheAmountInForceOnItsDay() {
    ledger.given(
        COMPANY_REVENUE,
        companySet("1000"),
        new TargetRevised(
            COMPANY_REVENUE,
            "TR-1",
            money("1000"),
            money("2000"),
            LocalDate.of(2026, 7, 1),
            "finance1",
            "manager1",
            "h2 push"));

    // 2,150 from September is 7.5 % above the 2,000 in force then: applies at once.
    ledger.send(revise("2150", "2026-09-01"), FINANCE1);
    // 1,150 from March is 15 % above the 1,000 in force in March: waits.
    ledger.send(revise("1150", "2026-03-01"), FINANCE1);

    List<Object> events = ledger.events(COMPANY_REVENUE);
    assertThat(events.get(2)).isInstanceOf(TargetRevised.class);
    assertThat(((TargetRevised) events.get(2)).previousAmount()).isEqualByComparingTo("2000");
    assertThat(events.get(3)).isInstanceOf(TargetRevisionRequested.class);
    assertThat(((TargetRevisionRequested) events.get(3)).currentAmount())
        .isEqualByComparingTo("1000");
  }

  @Test
  void aRevisionMustBeEffectiveWithinTheTargetsPeriod() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));

    Rejection refusal = refusal(revise("1000.5", "2027-01-01"), FINANCE1);

    assertThat(refusal.kind()).isEqualTo(Kind.INVALID);
    assertThat(refusal.field()).isEqualTo("effectiveFrom");
  }

  @Test
  void aRepCannotSeeACompanyTargetSoItAnswersAsUnknown() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));

    Rejection refusal = refusal(revise("1050", "2026-04-01"), REP1);

    assertThat(refusal.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(refusal.message()).isEqualTo(Rejected.unknownMessage(COMPANY_REVENUE));
  }

  @Test
  void aRevisedParentMustBeDecomposedAgainListingEveryChildWhichIsThenReapportioned() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));
    ledger.send(
        decompose(COMPANY_REVENUE, quarter("2026-Q1", "500"), quarter("2026-Q2", "500")), FINANCE1);
    ledger.send(revise("1090", "2026-01-01"), FINANCE1);
    String q1 = id(COMPANY, "2026-Q1", TargetMetric.REVENUE);
    String q2 = id(COMPANY, "2026-Q2", TargetMetric.REVENUE);

    Rejection stale =
        refusal(
            decompose(COMPANY_REVENUE, quarter("2026-Q1", "500"), quarter("2026-Q2", "500")),
            FINANCE1);
    Rejection missing = refusal(decompose(COMPANY_REVENUE, quarter("2026-Q1", "1090")), FINANCE1);
    ledger.send(
        decompose(COMPANY_REVENUE, quarter("2026-Q1", "500"), quarter("2026-Q2", "590")), FINANCE1);

    assertThat(stale.message()).contains("a difference of -90");
    assertThat(missing.message()).contains("must list every earlier child again; missing: " + q2);
    assertThat(ledger.events(q1)).hasSize(1);
    assertThat(ledger.last(q2))
        .isEqualTo(
            new TargetReapportioned(
                q2, "TR-1", COMPANY_REVENUE, money("500"), money("590"), "finance1", "split"));
    assertThat(((TargetDecomposed) ledger.last(COMPANY_REVENUE)).amount())
        .isEqualByComparingTo("1090");
  }

  @Test
  void aChildSetOnItsOwnEarlierIsReapportionedByADecomposition() {
    ledger.given(COMPANY_REVENUE, companySet("1000"));
    String q1 = id(COMPANY, "2026-Q1", TargetMetric.REVENUE);
    ledger.send(set(COMPANY, "2026-Q1", "300"), FINANCE1);

    ledger.send(
        decompose(COMPANY_REVENUE, quarter("2026-Q1", "250"), quarter("2026-Q2", "750")), FINANCE1);

    assertThat(ledger.last(q1))
        .isEqualTo(
            new TargetReapportioned(
                q1, "TR-1", COMPANY_REVENUE, money("300"), money("250"), "finance1", "split"));
  }
}
