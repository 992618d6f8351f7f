package com.salesledger.command.credit;

import static com.salesledger.command.common.Rejections.rejected;
import static com.salesledger.command.credit.CreditHistory.ACCOUNT;
import static com.salesledger.command.credit.CreditHistory.ADMIN;
import static com.salesledger.command.credit.CreditHistory.CLOCK;
import static com.salesledger.command.credit.CreditHistory.CUSTOMER;
import static com.salesledger.command.credit.CreditHistory.FINANCE1;
import static com.salesledger.command.credit.CreditHistory.FINANCE2;
import static com.salesledger.command.credit.CreditHistory.POLICY;
import static com.salesledger.command.credit.CreditHistory.REP;
import static com.salesledger.command.credit.CreditHistory.TODAY;
import static com.salesledger.command.credit.CreditHistory.caller;
import static com.salesledger.command.credit.CreditHistory.money;
import static com.salesledger.command.credit.CreditHistory.opened;
import static com.salesledger.command.credit.CreditHistory.won;
import static com.salesledger.events.common.Rejection.Kind.CONFLICT;
import static com.salesledger.events.common.Rejection.Kind.FORBIDDEN;
import static com.salesledger.events.common.Rejection.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.command.LedgerFixture;
import com.salesledger.command.deal.Deal;
import com.salesledger.events.credit.ApproveCreditLimitRequest;
import com.salesledger.events.credit.CreditAccountHeld;
import com.salesledger.events.credit.CreditCheck;
import com.salesledger.events.credit.CreditCheckFailed;
import com.salesledger.events.credit.CreditHoldReason;
import com.salesledger.events.credit.CreditHoldRelease;
import com.salesledger.events.credit.CreditLimitChanged;
import com.salesledger.events.credit.CreditLimitIncreaseRequested;
import com.salesledger.events.credit.HeldDealReleased;
import com.salesledger.events.credit.ReleaseHeldDeal;
import com.salesledger.events.deal.DealCreditHoldReleased;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.DealWon;
import com.salesledger.platform.security.AccessPolicy;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Maker-checker on limit increases, and the held deals an approval or finance releases: the account
 * (in the fixture) and the deals (in a store beside it) change in one unit of work.
 */
class CreditDecisionsTest {

  private static final LocalDate OPENED_ON = LocalDate.of(2026, 6, 1);
  private static final LocalDate CLOSED_ON = LocalDate.of(2026, 6, 20);

  private FixtureConfiguration<CreditAccount> fixture;
  private CreditStore deals;

  @BeforeEach
  void setUp() {
    deals = new CreditStore();
    fixture = new AggregateTestFixture<>(CreditAccount.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(new AccessPolicy(LedgerFixture.ORGANISATION, CLOCK));
    fixture.registerInjectableResource(LedgerFixture.ORGANISATION);
    fixture.registerInjectableResource(POLICY);
    fixture.registerAnnotatedCommandHandler(
        new CreditDecisions(
            fixture.getRepository(),
            deals.repository(Deal.class),
            POLICY,
            new AccessPolicy(CLOCK)));
  }

  @AfterEach
  void tearDown() {
    deals.close();
  }

  private static CreditLimitIncreaseRequested requested(String limit) {
    return new CreditLimitIncreaseRequested(
        CUSTOMER, "LR-3", money("10000.00"), money(limit), "finance1", "growth");
  }

  private static CreditCheck overLimit(String exposure, String amount) {
    return new CreditCheck(
        TODAY,
        true,
        false,
        money("10000.00"),
        money(exposure),
        money(amount),
        null,
        90,
        List.of(CreditHoldReason.OVER_LIMIT));
  }

  /** Deal {@code dealId} of the customer, won for {@code amount} and held by the check. */
  private void heldDeal(String dealId, String amount) {
    deals.given(
        "Deal",
        dealId,
        new DealOpened(
            dealId,
            CUSTOMER,
            "rep1",
            "team-a",
            "north",
            "software",
            money(amount),
            "EUR",
            CLOSED_ON,
            OPENED_ON,
            DealStage.NEGOTIATION),
        new DealPutOnCreditHold(
            dealId,
            CUSTOMER,
            "rep1",
            "team-a",
            "north",
            "software",
            money(amount),
            money("100.00"),
            "EUR",
            OPENED_ON,
            CLOSED_ON,
            overLimit("8000.00", amount)));
  }

  private static DealWon dealWon(String dealId, String amount) {
    return new DealWon(
        dealId,
        CUSTOMER,
        "rep1",
        "team-a",
        "north",
        "software",
        money(amount),
        money("100.00"),
        "EUR",
        OPENED_ON,
        CLOSED_ON);
  }

  private static ApproveCreditLimitRequest approve() {
    return new ApproveCreditLimitRequest(CUSTOMER, "LR-3", "ok");
  }

  @Test
  void another_finance_user_approves_an_increase_and_the_held_deals_that_now_fit_are_booked() {
    heldDeal("deal-a", "3000.00");
    heldDeal("deal-b", "5000.00");
    fixture
        .given(
            opened(),
            won("deal-0", "8000.00", "0"),
            new CreditCheckFailed(CUSTOMER, "deal-a", overLimit("8000.00", "3000.00")),
            new CreditCheckFailed(CUSTOMER, "deal-b", overLimit("8000.00", "5000.00")),
            requested("14000.00"))
        .when(approve(), FINANCE2)
        .expectEvents(
            new CreditLimitChanged(
                CUSTOMER,
                "LR-3",
                money("10000.00"),
                money("14000.00"),
                "finance1",
                "finance2",
                "ok"),
            new HeldDealReleased(
                CUSTOMER,
                "deal-a",
                money("3000.00"),
                CreditHoldRelease.LIMIT_INCREASE,
                "ok",
                money("11000.00")));

    assertThat(deals.events("deal-a"))
        .endsWith(
            new DealCreditHoldReleased("deal-a", CUSTOMER, CreditHoldRelease.LIMIT_INCREASE, "ok"),
            dealWon("deal-a", "3000.00"));
    assertThat(deals.events("deal-b")).hasSize(2).last().isInstanceOf(DealPutOnCreditHold.class);
  }

  @Test
  void the_requester_can_never_approve_their_own_increase_whatever_their_roles() {
    fixture
        .given(opened(), requested("14000.00"))
        .when(approve(), FINANCE1)
        .expectException(rejected(FORBIDDEN, null, "Maker-checker"))
        .expectNoEvents();
    fixture
        .given(opened(), requested("14000.00"))
        .when(approve(), caller("finance1", "FINANCE,ADMIN"))
        .expectException(rejected(FORBIDDEN, null, "finance1 requested limit increase LR-3"))
        .expectNoEvents();
  }

  @Test
  void an_admin_who_did_not_ask_may_approve() {
    fixture
        .given(opened(), requested("14000.00"))
        .when(approve(), ADMIN)
        .expectEvents(
            new CreditLimitChanged(
                CUSTOMER, "LR-3", money("10000.00"), money("14000.00"), "finance1", "admin", "ok"));
  }

  @Test
  void a_rep_may_not_approve() {
    fixture
        .given(opened(), requested("14000.00"))
        .when(approve(), REP)
        .expectException(rejected(FORBIDDEN, null, "role does not allow"));
  }

  @Test
  void a_request_is_decided_once() {
    fixture
        .given(
            opened(),
            requested("14000.00"),
            new CreditLimitChanged(
                CUSTOMER,
                "LR-3",
                money("10000.00"),
                money("14000.00"),
                "finance1",
                "finance2",
                "ok"))
        .when(approve(), caller("finance3", "FINANCE"))
        .expectException(rejected(CONFLICT, null, "already approved by finance2"))
        .expectNoEvents();
  }

  @Test
  void an_unknown_request_or_account_is_not_found() {
    fixture
        .given(opened())
        .when(approve(), FINANCE2)
        .expectException(rejected(NOT_FOUND, null, "No limit request LR-3"));
    fixture
        .givenNoPriorActivity()
        .when(approve(), FINANCE2)
        .expectException(rejected(NOT_FOUND, null, "has no credit account"));
  }

  @Test
  void held_deals_stay_held_while_the_account_is_on_hold() {
    heldDeal("deal-a", "3000.00");
    fixture
        .given(
            opened(),
            new CreditCheckFailed(CUSTOMER, "deal-a", overLimit("8000.00", "3000.00")),
            new CreditAccountHeld(CUSTOMER, "dispute"),
            requested("14000.00"))
        .when(approve(), FINANCE2)
        .expectEvents(
            new CreditLimitChanged(
                CUSTOMER,
                "LR-3",
                money("10000.00"),
                money("14000.00"),
                "finance1",
                "finance2",
                "ok"));

    assertThat(deals.events("deal-a")).hasSize(2);
  }

  @Test
  void finance_releases_a_held_deal_which_is_then_booked() {
    heldDeal("deal-a", "3000.00");
    fixture
        .given(
            opened(),
            won("deal-0", "8000.00", "0"),
            new CreditCheckFailed(CUSTOMER, "deal-a", overLimit("8000.00", "3000.00")))
        .when(new ReleaseHeldDeal(CUSTOMER, "deal-a", "prepaid by bank guarantee"), FINANCE1)
        .expectEvents(
            new HeldDealReleased(
                CUSTOMER,
                "deal-a",
                money("3000.00"),
                CreditHoldRelease.FINANCE,
                "prepaid by bank guarantee",
                money("11000.00")));

    assertThat(deals.events("deal-a"))
        .endsWith(
            new DealCreditHoldReleased(
                "deal-a", CUSTOMER, CreditHoldRelease.FINANCE, "prepaid by bank guarantee"),
            dealWon("deal-a", "3000.00"));
  }

  @Test
  void a_deal_that_is_not_held_cannot_be_released() {
    fixture
        .given(opened(), won("deal-0", "8000.00", "0"))
        .when(new ReleaseHeldDeal(CUSTOMER, "deal-0", "x"), FINANCE1)
        .expectException(rejected(CONFLICT, null, "not on credit hold"))
        .expectNoEvents();
  }

  @Test
  void a_rep_cannot_release_a_held_deal() {
    heldDeal("deal-a", "3000.00");
    fixture
        .given(opened(), new CreditCheckFailed(CUSTOMER, "deal-a", overLimit("8000.00", "3000.00")))
        .when(new ReleaseHeldDeal(CUSTOMER, "deal-a", "x"), REP)
        .expectException(rejected(FORBIDDEN, null));

    assertThat(deals.events("deal-a")).hasSize(2);
  }

  static String account() {
    return ACCOUNT;
  }
}
