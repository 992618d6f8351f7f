package com.salesledger.command.credit;

import static com.salesledger.command.common.Rejections.rejected;
import static com.salesledger.command.credit.CreditHistory.ACCOUNT;
import static com.salesledger.command.credit.CreditHistory.CLOCK;
import static com.salesledger.command.credit.CreditHistory.CUSTOMER;
import static com.salesledger.command.credit.CreditHistory.POLICY;
import static com.salesledger.command.credit.CreditHistory.TODAY;
import static com.salesledger.command.credit.CreditHistory.caller;
import static com.salesledger.command.credit.CreditHistory.invoiced;
import static com.salesledger.command.credit.CreditHistory.money;
import static com.salesledger.command.credit.CreditHistory.opened;
import static com.salesledger.command.credit.CreditHistory.won;
import static com.salesledger.events.common.Rejection.Kind.CONFLICT;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.command.LedgerFixture;
import com.salesledger.command.deal.Deal;
import com.salesledger.events.credit.CreditAccountHeld;
import com.salesledger.events.credit.CreditCheck;
import com.salesledger.events.credit.CreditCheckFailed;
import com.salesledger.events.credit.CreditCheckPassed;
import com.salesledger.events.credit.CreditHoldReason;
import com.salesledger.events.credit.OverdueInvoice;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.deal.WinDeal;
import com.salesledger.platform.security.AccessPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The credit check of DESIGN.md when a deal is won: the deal (in the fixture) and the customer's
 * credit account (in a store beside it) change in one unit of work.
 */
class CreditCheckOnWinTest {

  private static final String DEAL = "deal-9";
  private static final LocalDate OPENED_ON = LocalDate.of(2026, 6, 1);
  private static final LocalDate CLOSED_ON = LocalDate.of(2026, 6, 29);
  private static final Map<String, Object> REP1 = caller("rep1", "REP");

  private FixtureConfiguration<Deal> fixture;
  private CreditStore credit;

  @BeforeEach
  void setUp() {
    credit = new CreditStore();
    fixture = new AggregateTestFixture<>(Deal.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(new AccessPolicy(LedgerFixture.ORGANISATION, CLOCK));
    fixture.registerInjectableResource(LedgerFixture.ORGANISATION);
    fixture.registerInjectableResource(
        new CreditLedger(credit.repository(CreditAccount.class), credit.store, CLOCK, POLICY));
  }

  @AfterEach
  void tearDown() {
    credit.close();
  }

  private static DealOpened dealOpened() {
    return new DealOpened(
        DEAL,
        CUSTOMER,
        "rep1",
        "team-a",
        "north",
        "software",
        money("3000.00"),
        "EUR",
        CLOSED_ON,
        OPENED_ON,
        DealStage.NEGOTIATION);
  }

  private static WinDeal win(String amount) {
    return new WinDeal(DEAL, money(amount), money("1000.00"), CLOSED_ON, null);
  }

  private static DealWon dealWon(String amount) {
    return new DealWon(
        DEAL,
        CUSTOMER,
        "rep1",
        "team-a",
        "north",
        "software",
        money(amount),
        money("1000.00"),
        "EUR",
        OPENED_ON,
        CLOSED_ON);
  }

  private static DealPutOnCreditHold held(String amount, CreditCheck check) {
    return new DealPutOnCreditHold(
        DEAL,
        CUSTOMER,
        "rep1",
        "team-a",
        "north",
        "software",
        money(amount),
        money("1000.00"),
        "EUR",
        OPENED_ON,
        CLOSED_ON,
        check);
  }

  private static CreditCheck check(
      boolean onHold,
      String exposure,
      String amount,
      OverdueInvoice overdue,
      CreditHoldReason... failed) {
    return new CreditCheck(
        TODAY,
        true,
        onHold,
        money("10000.00"),
        money(exposure),
        money(amount),
        overdue,
        90,
        List.of(failed));
  }

  @Test
  void a_deal_within_the_limit_is_won_and_becomes_exposure() {
    credit.givenCredit(opened(), won("deal-1", "6000.00", "0"));

    fixture.given(dealOpened()).when(win("4000.00"), REP1).expectEvents(dealWon("4000.00"));

    assertThat(credit.events(ACCOUNT))
        .last()
        .isEqualTo(
            new CreditCheckPassed(
                CUSTOMER, DEAL, check(false, "6000.00", "4000.00", null), money("10000.00")));
  }

  @Test
  void a_deal_above_the_limit_goes_on_credit_hold_naming_the_reason_and_the_figures() {
    credit.givenCredit(opened(), won("deal-1", "6000.00", "0"));
    CreditCheck failed = check(false, "6000.00", "4000.01", null, CreditHoldReason.OVER_LIMIT);

    fixture.given(dealOpened()).when(win("4000.01"), REP1).expectEvents(held("4000.01", failed));

    assertThat(credit.events(ACCOUNT))
        .last()
        .isEqualTo(new CreditCheckFailed(CUSTOMER, DEAL, failed));
  }

  @Test
  void every_deal_of_a_customer_on_hold_is_held() {
    credit.givenCredit(opened(), new CreditAccountHeld(CUSTOMER, "dispute"));

    fixture
        .given(dealOpened())
        .when(win("10.00"), REP1)
        .expectEvents(
            held("10.00", check(true, "0", "10.00", null, CreditHoldReason.ACCOUNT_ON_HOLD)));
  }

  @Test
  void an_invoice_more_than_90_days_overdue_holds_the_deal() {
    LocalDate due = TODAY.minusDays(91);
    credit.givenCredit(
        opened(),
        won("deal-1", "100.00", "0"),
        invoiced("inv-1", "deal-1", "100.00", due, "100.00"));
    OverdueInvoice overdue = new OverdueInvoice("inv-1", due, money("100.00"), 91);

    fixture
        .given(dealOpened())
        .when(win("10.00"), REP1)
        .expectEvents(
            held(
                "10.00",
                check(false, "100.00", "10.00", overdue, CreditHoldReason.OVERDUE_INVOICE)));
  }

  @Test
  void an_invoice_exactly_90_days_overdue_does_not_hold_the_deal() {
    credit.givenCredit(
        opened(),
        won("deal-1", "100.00", "0"),
        invoiced("inv-1", "deal-1", "100.00", TODAY.minusDays(90), "100.00"));

    fixture.given(dealOpened()).when(win("10.00"), REP1).expectEvents(dealWon("10.00"));
  }

  @Test
  void all_failed_rules_are_named() {
    LocalDate due = TODAY.minusDays(100);
    credit.givenCredit(
        opened(),
        won("deal-1", "9000.00", "0"),
        invoiced("inv-1", "deal-1", "9000.00", due, "9000.00"),
        new CreditAccountHeld(CUSTOMER, "dispute"));

    fixture
        .given(dealOpened())
        .when(win("1000.01"), REP1)
        .expectEvents(
            held(
                "1000.01",
                check(
                    true,
                    "9000.00",
                    "1000.01",
                    new OverdueInvoice("inv-1", due, money("9000.00"), 100),
                    CreditHoldReason.ACCOUNT_ON_HOLD,
                    CreditHoldReason.OVER_LIMIT,
                    CreditHoldReason.OVERDUE_INVOICE)));
  }

  @Test
  void a_customer_without_an_account_is_not_checked_but_the_exposure_is_counted() {
    fixture.given(dealOpened()).when(win("999999.00"), REP1).expectEvents(dealWon("999999.00"));

    assertThat(credit.events(ACCOUNT))
        .containsExactly(
            new CreditCheckPassed(
                CUSTOMER,
                DEAL,
                new CreditCheck(
                    TODAY,
                    false,
                    false,
                    null,
                    BigDecimal.ZERO,
                    money("999999.00"),
                    null,
                    90,
                    List.of()),
                money("999999.00")));
  }

  @Test
  void a_held_deal_cannot_be_won_again_nor_lost() {
    CreditCheck failed = check(true, "0", "10.00", null, CreditHoldReason.ACCOUNT_ON_HOLD);
    fixture
        .given(dealOpened(), held("10.00", failed))
        .when(win("10.00"), REP1)
        .expectException(rejected(CONFLICT, null, "already CREDIT_HOLD"))
        .expectNoEvents();
    fixture
        .given(dealOpened(), held("10.00", failed))
        .when(new com.salesledger.events.deal.LoseDeal(DEAL, "gave up", CLOSED_ON, null), REP1)
        .expectException(rejected(CONFLICT, null, "already CREDIT_HOLD"));

    assertThat(credit.events(ACCOUNT)).isEmpty();
  }

  @Test
  void a_refused_win_leaves_the_account_untouched() {
    credit.givenCredit(opened());
    fixture
        .given(dealOpened())
        .when(
            new WinDeal(DEAL, money("10.00"), money("1.00"), CLOSED_ON, null),
            caller("rep2", "REP"))
        .expectException(rejected(com.salesledger.events.common.Rejection.Kind.NOT_FOUND, null));

    assertThat(credit.events(ACCOUNT)).hasSize(1);
  }
}
