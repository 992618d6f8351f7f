package com.salesledger.query.dashboard;

import com.salesledger.events.common.Period;
import com.salesledger.events.credit.CreditCheck;
import com.salesledger.events.credit.CreditHoldReason;
import com.salesledger.events.credit.CreditHoldRelease;
import com.salesledger.events.deal.DealCreditHoldReleased;
import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.PaymentReceived;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.target.TargetFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events of the sales dashboard's tests, with the attribution of the test organisation. */
final class Facts {

  private Facts() {}

  /** Where a rep sits: team and region (north-1 and north-2 in north, south-1 in south). */
  record Seat(String rep, String team, String region) {}

  static final Seat REP1 = new Seat("rep1", "north-1", "north");
  static final Seat REP2 = new Seat("rep2", "north-1", "north");
  static final Seat REP3 = new Seat("rep3", "north-2", "north");
  static final Seat REP4 = new Seat("rep4", "south-1", "south");

  static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  static DealWon won(
      String deal,
      String customer,
      Seat seat,
      String line,
      String amount,
      String cost,
      LocalDate opened,
      LocalDate closed) {
    return new DealWon(
        deal,
        customer,
        seat.rep(),
        seat.team(),
        seat.region(),
        line,
        money(amount),
        money(cost),
        "EUR",
        opened,
        closed);
  }

  static DealWon won(DealPutOnCreditHold held) {
    return new DealWon(
        held.dealId(),
        held.customerId(),
        held.ownerRep(),
        held.team(),
        held.region(),
        held.productLine(),
        held.finalAmount(),
        held.cost(),
        held.currency(),
        held.openedOn(),
        held.closeDate());
  }

  static DealLost lost(String deal, String customer, Seat seat, String line, LocalDate closed) {
    return new DealLost(
        deal,
        customer,
        seat.rep(),
        seat.team(),
        seat.region(),
        line,
        "price",
        closed.minusDays(10),
        closed);
  }

  static DealPutOnCreditHold held(
      String deal,
      String customer,
      Seat seat,
      String line,
      String amount,
      String cost,
      LocalDate opened,
      LocalDate closed) {
    CreditCheck check =
        new CreditCheck(
            closed,
            true,
            false,
            money("1000.00"),
            money("900.00"),
            money(amount),
            null,
            90,
            List.of(CreditHoldReason.OVER_LIMIT));
    return new DealPutOnCreditHold(
        deal,
        customer,
        seat.rep(),
        seat.team(),
        seat.region(),
        line,
        money(amount),
        money(cost),
        "EUR",
        opened,
        closed,
        check);
  }

  static DealCreditHoldReleased released(DealPutOnCreditHold held) {
    return new DealCreditHoldReleased(
        held.dealId(), held.customerId(), CreditHoldRelease.FINANCE, "paid up");
  }

  static InvoiceIssued invoice(String invoice, DealWon deal, String amount, LocalDate issued) {
    return new InvoiceIssued(
        invoice,
        deal.dealId(),
        deal.customerId(),
        deal.ownerRep(),
        deal.team(),
        deal.region(),
        money(amount),
        "EUR",
        issued,
        issued.plusDays(30));
  }

  static PaymentReceived payment(String invoice, String payment, String amount, LocalDate on) {
    return new PaymentReceived(invoice, payment, money(amount), on, BigDecimal.ZERO);
  }

  /** Targets set by a test: level, period and metric → amount per scope id; asked calls kept. */
  static final class FakeTargets implements TargetFigures {
    private final Map<String, Map<String, BigDecimal>> amounts = new HashMap<>();
    final Map<String, LocalDate> askedEffectiveOn = new HashMap<>();
    final Map<String, DataScope> askedScope = new HashMap<>();

    FakeTargets set(
        ScopeLevel level, String period, TargetMetric metric, String id, String amount) {
      amounts
          .computeIfAbsent(level + "|" + period + "|" + metric, k -> new HashMap<>())
          .put(id, money(amount));
      return this;
    }

    @Override
    public Map<String, BigDecimal> amountsInForce(
        ScopeLevel level,
        Period period,
        TargetMetric metric,
        LocalDate effectiveOn,
        Instant asOf,
        DataScope scope) {
      askedEffectiveOn.put(level + "|" + period, effectiveOn);
      askedScope.put(level + "|" + period, scope);
      return amounts.getOrDefault(level + "|" + period + "|" + metric, Map.of());
    }
  }
}
