package com.salesledger.command.credit;

import static com.salesledger.command.common.Rejections.rejected;
import static com.salesledger.command.credit.CreditHistory.ACCOUNT;
import static com.salesledger.command.credit.CreditHistory.ADMIN;
import static com.salesledger.command.credit.CreditHistory.CLOCK;
import static com.salesledger.command.credit.CreditHistory.CUSTOMER;
import static com.salesledger.command.credit.CreditHistory.FINANCE1;
import static com.salesledger.command.credit.CreditHistory.FINANCE2;
import static com.salesledger.command.credit.CreditHistory.OPENED_ON;
import static com.salesledger.command.credit.CreditHistory.POLICY;
import static com.salesledger.command.credit.CreditHistory.REP;
import static com.salesledger.command.credit.CreditHistory.SYSTEM;
import static com.salesledger.command.credit.CreditHistory.TODAY;
import static com.salesledger.command.credit.CreditHistory.invoiced;
import static com.salesledger.command.credit.CreditHistory.money;
import static com.salesledger.command.credit.CreditHistory.opened;
import static com.salesledger.command.credit.CreditHistory.won;
import static com.salesledger.events.common.Rejection.Kind.CONFLICT;
import static com.salesledger.events.common.Rejection.Kind.FORBIDDEN;
import static com.salesledger.events.common.Rejection.Kind.INVALID;
import static com.salesledger.events.common.Rejection.Kind.NOT_FOUND;

import com.salesledger.command.LedgerFixture;
import com.salesledger.command.common.CommandResult;
import com.salesledger.events.credit.ChangeCreditRating;
import com.salesledger.events.credit.ChangePaymentTerms;
import com.salesledger.events.credit.CreditAccountHeld;
import com.salesledger.events.credit.CreditAccountHeldAutomatically;
import com.salesledger.events.credit.CreditAccountOpened;
import com.salesledger.events.credit.CreditAccountReleased;
import com.salesledger.events.credit.CreditLimitChanged;
import com.salesledger.events.credit.CreditLimitIncreaseRejected;
import com.salesledger.events.credit.CreditLimitIncreaseRequested;
import com.salesledger.events.credit.CreditRating;
import com.salesledger.events.credit.CreditRatingChanged;
import com.salesledger.events.credit.CreditWarning;
import com.salesledger.events.credit.CreditWarningCleared;
import com.salesledger.events.credit.CreditWarningRaised;
import com.salesledger.events.credit.CreditWarningReason;
import com.salesledger.events.credit.EvaluateCreditWarnings;
import com.salesledger.events.credit.HoldCreditAccount;
import com.salesledger.events.credit.OpenCreditAccount;
import com.salesledger.events.credit.OverdueInvoice;
import com.salesledger.events.credit.PaymentTermsChanged;
import com.salesledger.events.credit.ReceivableSettled;
import com.salesledger.events.credit.RejectCreditLimitRequest;
import com.salesledger.events.credit.ReleaseCreditAccount;
import com.salesledger.events.credit.RequestCreditLimit;
import com.salesledger.events.credit.SettlementKind;
import com.salesledger.platform.security.AccessPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of a credit account that need no other aggregate, as a specification. */
class CreditAccountTest {

  private FixtureConfiguration<CreditAccount> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(CreditAccount.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(new AccessPolicy(LedgerFixture.ORGANISATION, CLOCK));
    fixture.registerInjectableResource(LedgerFixture.ORGANISATION);
    fixture.registerInjectableResource(POLICY);
  }

  private static OpenCreditAccount open(String limit, int terms) {
    return new OpenCreditAccount(CUSTOMER, CreditRating.B, money(limit), "EUR", terms);
  }

  @Nested
  class Opening {

    @Test
    void finance_opens_an_account_with_rating_limit_and_terms() {
      fixture
          .givenNoPriorActivity()
          .when(open("10000.00", 30), FINANCE1)
          .expectEvents(
              new CreditAccountOpened(
                  CUSTOMER, CreditRating.B, money("10000.00"), "EUR", 30, TODAY, BigDecimal.ZERO))
          .expectResultMessagePayload(new CommandResult(ACCOUNT, 0));
    }

    @Test
    void an_account_opened_after_wins_and_invoices_starts_with_what_the_customer_owes() {
      fixture
          .given(
              won("deal-1", "4000.00", "0"),
              invoiced("inv-1", "deal-1", "1500.00", TODAY, "4000.00"))
          .when(open("10000.00", 45), FINANCE1)
          .expectEvents(
              new CreditAccountOpened(
                  CUSTOMER, CreditRating.B, money("10000.00"), "EUR", 45, TODAY, money("4000.00")));
    }

    @Test
    void a_customer_has_one_account_only() {
      fixture
          .given(opened())
          .when(open("5000.00", 30), FINANCE2)
          .expectException(rejected(CONFLICT, null, "already has a credit account"))
          .expectNoEvents();
    }

    @Test
    void only_finance_or_admin_opens_accounts() {
      fixture
          .givenNoPriorActivity()
          .when(open("10000.00", 30), REP)
          .expectException(rejected(FORBIDDEN, null, "role does not allow"))
          .expectNoEvents();
      fixture
          .givenNoPriorActivity()
          .when(open("10000.00", 30), ADMIN)
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_limit_must_not_be_negative_nor_have_more_than_two_decimals() {
      fixture
          .givenNoPriorActivity()
          .when(open("-1", 30), FINANCE1)
          .expectException(rejected(INVALID, "limit", "must not be negative"));
      fixture
          .givenNoPriorActivity()
          .when(open("1.001", 30), FINANCE1)
          .expectException(rejected(INVALID, "limit", "at most 2 decimal places"));
    }

    @Test
    void payment_terms_are_0_to_365_days() {
      fixture
          .givenNoPriorActivity()
          .when(open("100", 366), FINANCE1)
          .expectException(rejected(INVALID, "paymentTermsDays", "between 0 and 365"));
      fixture
          .givenNoPriorActivity()
          .when(open("100", -1), FINANCE1)
          .expectException(rejected(INVALID, "paymentTermsDays"));
    }
  }

  @Nested
  class RatingTermsAndHold {

    @Test
    void the_rating_changes_with_a_reason() {
      fixture
          .given(opened())
          .when(new ChangeCreditRating(CUSTOMER, CreditRating.C, "late payer", null), FINANCE1)
          .expectEvents(
              new CreditRatingChanged(CUSTOMER, CreditRating.B, CreditRating.C, "late payer"));
    }

    @Test
    void changing_to_the_same_rating_is_a_conflict() {
      fixture
          .given(opened())
          .when(new ChangeCreditRating(CUSTOMER, CreditRating.B, "same", null), FINANCE1)
          .expectException(rejected(CONFLICT, null, "already B"));
    }

    @Test
    void a_customer_without_an_account_has_nothing_to_change() {
      fixture
          .given(won("deal-1", "100.00", "0"))
          .when(new ChangeCreditRating(CUSTOMER, CreditRating.A, "why", null), FINANCE1)
          .expectException(rejected(NOT_FOUND, null, "has no credit account"));
    }

    @Test
    void payment_terms_change_from_today() {
      fixture
          .given(opened())
          .when(new ChangePaymentTerms(CUSTOMER, 60, "agreed", null), FINANCE1)
          .expectEvents(new PaymentTermsChanged(CUSTOMER, 30, 60, TODAY, "agreed"));
    }

    @Test
    void hold_and_release_carry_a_reason_and_happen_once() {
      fixture
          .given(opened())
          .when(new HoldCreditAccount(CUSTOMER, "dispute", null), FINANCE1)
          .expectEvents(new CreditAccountHeld(CUSTOMER, "dispute"));
      fixture
          .given(opened(), new CreditAccountHeld(CUSTOMER, "dispute"))
          .when(new HoldCreditAccount(CUSTOMER, "again", null), FINANCE1)
          .expectException(rejected(CONFLICT, null, "already on hold"));
      fixture
          .given(opened(), new CreditAccountHeld(CUSTOMER, "dispute"))
          .when(new ReleaseCreditAccount(CUSTOMER, "settled", null), FINANCE2)
          .expectEvents(new CreditAccountReleased(CUSTOMER, "settled"));
      fixture
          .given(opened())
          .when(new ReleaseCreditAccount(CUSTOMER, "nothing held", null), FINANCE2)
          .expectException(rejected(CONFLICT, null, "not on hold"));
    }

    @Test
    void a_rep_cannot_hold_an_account() {
      fixture
          .given(opened())
          .when(new HoldCreditAccount(CUSTOMER, "x", null), REP)
          .expectException(rejected(FORBIDDEN, null))
          .expectNoEvents();
    }
  }

  @Nested
  class LimitRequests {

    @Test
    void a_decrease_applies_at_once_with_who_asked() {
      fixture
          .given(opened())
          .when(new RequestCreditLimit(CUSTOMER, money("8000.00"), "risk", null), FINANCE1)
          .expectEvents(
              new CreditLimitChanged(
                  CUSTOMER, "LR-1", money("10000.00"), money("8000.00"), "finance1", null, "risk"));
    }

    @Test
    void an_increase_waits_for_approval() {
      fixture
          .given(opened())
          .when(new RequestCreditLimit(CUSTOMER, money("15000.00"), "growth", null), FINANCE1)
          .expectEvents(
              new CreditLimitIncreaseRequested(
                  CUSTOMER, "LR-1", money("10000.00"), money("15000.00"), "finance1", "growth"));
    }

    @Test
    void asking_for_the_current_limit_is_a_conflict() {
      fixture
          .given(opened())
          .when(new RequestCreditLimit(CUSTOMER, money("10000"), "same", null), FINANCE1)
          .expectException(rejected(CONFLICT, null, "already 10000.00"));
    }

    @Test
    void one_increase_at_a_time() {
      fixture
          .given(opened(), requested("LR-1", "15000.00", "finance1"))
          .when(new RequestCreditLimit(CUSTOMER, money("20000.00"), "more", null), FINANCE2)
          .expectException(rejected(CONFLICT, null, "LR-1 is still waiting"));
    }

    @Test
    void a_stale_expected_version_is_refused() {
      fixture
          .given(opened(), new CreditAccountHeld(CUSTOMER, "x"))
          .when(new RequestCreditLimit(CUSTOMER, money("1.00"), "r", 0L), FINANCE1)
          .expectException(
              org.axonframework.modelling.command.ConflictingModificationException.class);
    }

    @Test
    void a_rejection_is_recorded_with_who_asked_and_who_decided() {
      fixture
          .given(opened(), requested("LR-1", "15000.00", "finance1"))
          .when(new RejectCreditLimitRequest(CUSTOMER, "LR-1", "not now"), FINANCE2)
          .expectEvents(
              new CreditLimitIncreaseRejected(
                  CUSTOMER, "LR-1", money("15000.00"), "finance1", "finance2", "not now"));
    }

    @Test
    void a_decided_request_cannot_be_decided_again() {
      fixture
          .given(
              opened(),
              requested("LR-1", "15000.00", "finance1"),
              new CreditLimitIncreaseRejected(
                  CUSTOMER, "LR-1", money("15000.00"), "finance1", "finance2", "no"))
          .when(new RejectCreditLimitRequest(CUSTOMER, "LR-1", "again"), FINANCE2)
          .expectException(rejected(CONFLICT, null, "already rejected by finance2"));
    }

    @Test
    void an_unknown_request_is_not_found() {
      fixture
          .given(opened())
          .when(new RejectCreditLimitRequest(CUSTOMER, "LR-9", "no"), FINANCE2)
          .expectException(rejected(NOT_FOUND, null, "No limit request LR-9"));
    }
  }

  @Nested
  class EarlyWarning {

    private final EvaluateCreditWarnings evaluate = new EvaluateCreditWarnings(CUSTOMER);

    @Test
    void an_invoice_more_than_60_days_overdue_raises_a_warning() {
      LocalDate due = TODAY.minusDays(61);
      fixture
          .given(
              opened(),
              won("deal-1", "1000.00", "0"),
              invoiced("inv-1", "deal-1", "1000.00", due, "1000.00"))
          .when(evaluate, SYSTEM)
          .expectEvents(
              new CreditWarningRaised(
                  CUSTOMER,
                  new CreditWarning(
                      TODAY,
                      List.of(CreditWarningReason.OVERDUE_INVOICE),
                      money("1000.00"),
                      money("10000.00"),
                      new OverdueInvoice("inv-1", due, money("1000.00"), 61),
                      false)));
    }

    @Test
    void exactly_60_days_overdue_is_no_warning_yet() {
      fixture
          .given(
              opened(),
              won("deal-1", "1000.00", "0"),
              invoiced("inv-1", "deal-1", "1000.00", TODAY.minusDays(60), "1000.00"))
          .when(evaluate, SYSTEM)
          .expectNoEvents();
    }

    @Test
    void exposure_above_80_percent_of_the_limit_raises_a_warning() {
      fixture
          .given(opened(), won("deal-1", "8000.01", "0"))
          .when(evaluate, SYSTEM)
          .expectEvents(
              new CreditWarningRaised(
                  CUSTOMER,
                  new CreditWarning(
                      TODAY,
                      List.of(CreditWarningReason.EXPOSURE_SHARE),
                      money("8000.01"),
                      money("10000.00"),
                      null,
                      false)));
    }

    @Test
    void the_same_warning_is_not_raised_twice() {
      fixture
          .given(
              opened(),
              won("deal-1", "9000.00", "0"),
              new CreditWarningRaised(
                  CUSTOMER,
                  new CreditWarning(
                      TODAY.minusDays(1),
                      List.of(CreditWarningReason.EXPOSURE_SHARE),
                      money("9000.00"),
                      money("10000.00"),
                      null,
                      false)))
          .when(evaluate, SYSTEM)
          .expectNoEvents();
    }

    @Test
    void a_warning_clears_once_no_reason_holds() {
      fixture
          .given(
              opened(),
              won("deal-1", "9000.00", "0"),
              new CreditWarningRaised(
                  CUSTOMER,
                  new CreditWarning(
                      TODAY,
                      List.of(CreditWarningReason.EXPOSURE_SHARE),
                      money("9000.00"),
                      money("10000.00"),
                      null,
                      false)),
              invoiced("inv-1", "deal-1", "9000.00", TODAY.plusDays(30), "9000.00"),
              new ReceivableSettled(
                  CUSTOMER,
                  "inv-1",
                  SettlementKind.PAYMENT,
                  money("5000.00"),
                  TODAY,
                  money("4000.00"),
                  money("4000.00")))
          .when(evaluate, SYSTEM)
          .expectEvents(new CreditWarningCleared(CUSTOMER, TODAY));
    }

    @Test
    void past_the_hard_threshold_the_account_goes_on_hold_automatically() {
      LocalDate due = TODAY.minusDays(121);
      CreditWarning warning =
          new CreditWarning(
              TODAY,
              List.of(CreditWarningReason.OVERDUE_INVOICE),
              money("500.00"),
              money("10000.00"),
              new OverdueInvoice("inv-1", due, money("500.00"), 121),
              true);
      fixture
          .given(
              opened(),
              won("deal-1", "500.00", "0"),
              invoiced("inv-1", "deal-1", "500.00", due, "500.00"))
          .when(evaluate, SYSTEM)
          .expectEvents(
              new CreditWarningRaised(CUSTOMER, warning),
              new CreditAccountHeldAutomatically(CUSTOMER, warning));
    }

    @Test
    void an_account_released_by_finance_while_past_the_threshold_is_not_held_again() {
      LocalDate due = TODAY.minusDays(121);
      CreditWarning warning =
          new CreditWarning(
              TODAY,
              List.of(CreditWarningReason.OVERDUE_INVOICE),
              money("500.00"),
              money("10000.00"),
              new OverdueInvoice("inv-1", due, money("500.00"), 121),
              true);
      fixture
          .given(
              opened(),
              won("deal-1", "500.00", "0"),
              invoiced("inv-1", "deal-1", "500.00", due, "500.00"),
              new CreditWarningRaised(CUSTOMER, warning),
              new CreditAccountHeldAutomatically(CUSTOMER, warning),
              new CreditAccountReleased(CUSTOMER, "customer promised to pay"))
          .when(evaluate, SYSTEM)
          .expectNoEvents();
    }

    @Test
    void exposure_above_120_percent_of_the_limit_is_past_the_hard_threshold() {
      fixture
          .given(opened("1000.00"), won("deal-1", "1200.01", "0"))
          .when(evaluate, SYSTEM)
          .expectEventsMatching(
              org.axonframework.test.matchers.Matchers.exactSequenceOf(
                  org.axonframework.test.matchers.Matchers.messageWithPayload(
                      org.hamcrest.Matchers.instanceOf(CreditWarningRaised.class)),
                  org.axonframework.test.matchers.Matchers.messageWithPayload(
                      org.hamcrest.Matchers.instanceOf(CreditAccountHeldAutomatically.class)),
                  org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void a_customer_without_an_account_is_not_evaluated() {
      fixture.given(won("deal-1", "500.00", "0")).when(evaluate, SYSTEM).expectNoEvents();
    }

    @Test
    void users_do_not_send_evaluations() {
      fixture
          .given(opened())
          .when(evaluate, FINANCE1)
          .expectException(rejected(FORBIDDEN, null, "by the system"));
    }
  }

  static CreditLimitIncreaseRequested requested(String id, String limit, String by) {
    return new CreditLimitIncreaseRequested(
        CUSTOMER, id, money("10000.00"), money(limit), by, "growth");
  }

  static LocalDate openedOn() {
    return OPENED_ON;
  }
}
