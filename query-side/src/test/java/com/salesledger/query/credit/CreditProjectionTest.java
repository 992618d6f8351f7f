package com.salesledger.query.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.credit.CreditAccountHeld;
import com.salesledger.events.credit.CreditAccountOpened;
import com.salesledger.events.credit.CreditAccountReleased;
import com.salesledger.events.credit.CreditCheck;
import com.salesledger.events.credit.CreditCheckFailed;
import com.salesledger.events.credit.CreditCheckPassed;
import com.salesledger.events.credit.CreditHoldReason;
import com.salesledger.events.credit.CreditHoldRelease;
import com.salesledger.events.credit.CreditLimitChanged;
import com.salesledger.events.credit.CreditRating;
import com.salesledger.events.credit.CreditRatingChanged;
import com.salesledger.events.credit.CreditWarning;
import com.salesledger.events.credit.CreditWarningCleared;
import com.salesledger.events.credit.CreditWarningRaised;
import com.salesledger.events.credit.CreditWarningReason;
import com.salesledger.events.credit.HeldDealReleased;
import com.salesledger.events.credit.OverdueInvoice;
import com.salesledger.events.credit.PaymentTermsChanged;
import com.salesledger.events.credit.ReceivableRecorded;
import com.salesledger.events.credit.ReceivableSettled;
import com.salesledger.events.credit.SettlementKind;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.Projector;
import com.salesledger.query.common.ReadModelDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credit accounts as of instants, warnings raised and cleared, and finance's inbox. */
class CreditProjectionTest {

  private static final String ACCOUNT = "credit-account/C1";

  private ReadModelDatabase db;
  private Projector projector;
  private JdbcCreditAccounts accounts;

  @BeforeEach
  void setUp() {
    db = ReadModelDatabase.emptied();
    projector = new Projector(new CreditProjection(db.jdbc()));
    accounts = new JdbcCreditAccounts(db.jdbc());
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private static CreditCheck check(String exposure, String dealAmount, CreditHoldReason... failed) {
    return new CreditCheck(
        LocalDate.parse("2026-02-01"),
        true,
        List.of(failed).contains(CreditHoldReason.ACCOUNT_ON_HOLD),
        money("10000.00"),
        money(exposure),
        money(dealAmount),
        null,
        90,
        List.of(failed));
  }

  /** C1's history: opened, a won deal, invoiced, re-rated, held, a held deal, released, raised. */
  private void history() {
    projector
        .at(at("2026-01-05T09:00:00Z"))
        .handle(
            ACCOUNT,
            new CreditAccountOpened(
                "C1",
                CreditRating.B,
                money("10000.00"),
                "EUR",
                30,
                LocalDate.parse("2026-01-05"),
                money("0.00")));
    projector
        .at(at("2026-02-01T10:00:00Z"))
        .handle(
            ACCOUNT, new CreditCheckPassed("C1", "D1", check("0.00", "4000.00"), money("4000.00")));
    projector
        .at(at("2026-02-10T10:00:00Z"))
        .handle(
            ACCOUNT,
            new ReceivableRecorded(
                "C1",
                "I1",
                "D1",
                money("4000.00"),
                LocalDate.parse("2026-02-10"),
                LocalDate.parse("2026-03-12"),
                money("4000.00")));
    projector
        .at(at("2026-03-01T10:00:00Z"))
        .batch(
            List.of(
                new Projector.Stored(
                    ACCOUNT, new CreditRatingChanged("C1", CreditRating.B, CreditRating.C, "late")),
                new Projector.Stored(
                    ACCOUNT,
                    new PaymentTermsChanged(
                        "C1", 30, 45, LocalDate.parse("2026-03-01"), "renegotiated"))));
    projector
        .at(at("2026-03-10T10:00:00Z"))
        .handle(ACCOUNT, new CreditAccountHeld("C1", "late payer"));
    projector
        .at(at("2026-03-15T10:00:00Z"))
        .handle(
            ACCOUNT,
            new CreditCheckFailed(
                "C1", "D2", check("4000.00", "7000.00", CreditHoldReason.ACCOUNT_ON_HOLD)));
  }

  private void releaseByLimitIncrease() {
    projector
        .at(at("2026-04-01T10:00:00Z"))
        .batch(
            List.of(
                new Projector.Stored(ACCOUNT, new CreditAccountReleased("C1", "paid up")),
                new Projector.Stored(
                    ACCOUNT,
                    new CreditLimitChanged(
                        "C1",
                        "LR-7",
                        money("10000.00"),
                        money("15000.00"),
                        "finance1",
                        "finance2",
                        "growth")),
                new Projector.Stored(
                    ACCOUNT,
                    new HeldDealReleased(
                        "C1",
                        "D2",
                        money("7000.00"),
                        CreditHoldRelease.LIMIT_INCREASE,
                        "limit raised",
                        money("11000.00")))));
    projector
        .at(at("2026-04-20T10:00:00Z"))
        .handle(
            ACCOUNT,
            new ReceivableSettled(
                "C1",
                "I1",
                SettlementKind.PAYMENT,
                money("1500.00"),
                LocalDate.parse("2026-04-20"),
                money("2500.00"),
                money("9500.00")));
  }

  private String summary(String instant) {
    return accounts
        .asOf("C1", at(instant), DataScope.everything())
        .map(
            a ->
                a.rating()
                    + " limit "
                    + a.limit()
                    + " terms "
                    + a.paymentTermsDays()
                    + (a.onHold() ? " HELD(" + a.holdReason() + ")" : "")
                    + " exposure "
                    + a.exposure()
                    + " available "
                    + a.available())
        .orElse("none");
  }

  @Test
  void the_account_as_of_an_instant_is_the_state_its_events_had_recorded_by_then() {
    history();
    releaseByLimitIncrease();
    assertThat(summary("2026-01-05T08:59:59Z")).isEqualTo("none");
    assertThat(summary("2026-01-05T09:00:00Z"))
        .isEqualTo("B limit 10000.00 terms 30 exposure 0.00 available 10000.00");
    assertThat(summary("2026-02-05T00:00:00Z"))
        .isEqualTo("B limit 10000.00 terms 30 exposure 4000.00 available 6000.00");
    assertThat(summary("2026-03-12T00:00:00Z"))
        .isEqualTo("C limit 10000.00 terms 45 HELD(late payer) exposure 4000.00 available 6000.00");
    // The held deal adds nothing to exposure while it is held.
    assertThat(summary("2026-03-20T00:00:00Z"))
        .isEqualTo("C limit 10000.00 terms 45 HELD(late payer) exposure 4000.00 available 6000.00");
    assertThat(summary("2026-04-01T10:00:00Z"))
        .isEqualTo("C limit 15000.00 terms 45 exposure 11000.00 available 4000.00");
    assertThat(summary("2026-12-01T00:00:00Z"))
        .isEqualTo("C limit 15000.00 terms 45 exposure 9500.00 available 5500.00");
  }

  @Test
  void the_inbox_lists_holds_oldest_first_and_drops_them_once_released() {
    history();
    assertThat(accounts.inbox())
        .extracting(InboxItem::kind, InboxItem::customerId, InboxItem::dealId, InboxItem::since)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ACCOUNT_HOLD", "C1", null, at("2026-03-10T10:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "DEAL_HOLD", "C1", "D2", at("2026-03-15T10:00:00Z")));
    assertThat(accounts.inbox().get(1).amount()).isEqualByComparingTo("7000.00");
    assertThat(accounts.inbox().get(1).reason()).isEqualTo("ACCOUNT_ON_HOLD");
    releaseByLimitIncrease();
    assertThat(accounts.inbox()).isEmpty();
  }

  @Test
  void a_deal_held_and_released_in_one_batch_never_reaches_the_inbox() {
    history();
    projector.batch(
        List.of(
            new Projector.Stored(
                ACCOUNT,
                new CreditCheckFailed(
                    "C1", "D3", check("4000.00", "100.00", CreditHoldReason.ACCOUNT_ON_HOLD))),
            new Projector.Stored(
                ACCOUNT,
                new HeldDealReleased(
                    "C1",
                    "D3",
                    money("100.00"),
                    CreditHoldRelease.FINANCE,
                    "ok",
                    money("4100.00")))));
    assertThat(accounts.inbox()).extracting(InboxItem::dealId).containsExactly(null, "D2");
  }

  private static CreditWarning warning(String evaluatedOn, boolean hard) {
    return new CreditWarning(
        LocalDate.parse(evaluatedOn),
        List.of(CreditWarningReason.OVERDUE_INVOICE, CreditWarningReason.EXPOSURE_SHARE),
        money("9000.00"),
        money("10000.00"),
        new OverdueInvoice("I9", LocalDate.parse("2026-01-01"), money("500.00"), 45),
        hard);
  }

  @Test
  void warnings_are_listed_while_raised_and_gone_once_cleared() {
    projector
        .at(at("2026-05-01T06:00:00Z"))
        .handle("credit-account/C2", new CreditWarningRaised("C2", warning("2026-05-01", false)));
    projector
        .at(at("2026-05-02T06:00:00Z"))
        .handle("credit-account/C3", new CreditWarningRaised("C3", warning("2026-05-02", true)));
    assertThat(accounts.warnings())
        .extracting(CreditWarningView::customerId)
        .containsExactly("C2", "C3");
    CreditWarningView first = accounts.warnings().get(0);
    assertThat(first.reasons()).containsExactly("OVERDUE_INVOICE", "EXPOSURE_SHARE");
    assertThat(first.oldestOverdueInvoiceId()).isEqualTo("I9");
    assertThat(first.oldestDaysOverdue()).isEqualTo(45L);
    assertThat(first.exposure()).isEqualByComparingTo("9000.00");
    assertThat(accounts.warnings().get(1).pastHardThreshold()).isTrue();

    projector
        .at(at("2026-05-03T06:00:00Z"))
        .handle("credit-account/C2", new CreditWarningCleared("C2", LocalDate.parse("2026-05-03")));
    assertThat(accounts.warnings()).extracting(CreditWarningView::customerId).containsExactly("C3");
    assertThat(accounts.inbox())
        .extracting(InboxItem::kind, InboxItem::customerId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("WARNING", "C3"));

    // Cleared and raised again in one batch: the last word stands.
    projector.batch(
        List.of(
            new Projector.Stored(
                "credit-account/C3", new CreditWarningCleared("C3", LocalDate.parse("2026-05-04"))),
            new Projector.Stored(
                "credit-account/C3", new CreditWarningRaised("C3", warning("2026-05-04", false)))));
    assertThat(accounts.warnings())
        .extracting(CreditWarningView::customerId, CreditWarningView::evaluatedOn)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("C3", LocalDate.parse("2026-05-04")));
  }

  @Test
  void a_rep_reads_the_accounts_of_customers_they_have_deals_with_and_no_other() {
    history();
    db.jdbc()
        .update(
            "insert into deal_view (deal_id, customer_id, owner_rep, team, region, product_line,"
                + " amount, currency, expected_close_date, opened_on, stage, status, version,"
                + " updated_at_position, updated_at) values ('D1', 'C1', 'rep1', 'north-1',"
                + " 'north', 'hw', 4000, 'EUR', date '2026-02-01', date '2026-01-10', 'WON', 'WON',"
                + " 1, 1, now())");
    Instant now = at("2026-12-01T00:00:00Z");
    assertThat(accounts.asOf("C1", now, DataScope.ownedBy("rep1"))).isPresent();
    assertThat(accounts.asOf("C1", now, DataScope.ownedBy("rep2"))).isEmpty();
    assertThat(accounts.asOf("C1", now, DataScope.ofTeams(java.util.Set.of("north-1"))))
        .isPresent();
  }
}
