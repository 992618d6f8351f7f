package com.salesledger.command.demo;

import com.salesledger.events.deal.ChangeDealStage;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.LoseDeal;
import com.salesledger.events.deal.OpenDeal;
import com.salesledger.events.deal.WinDeal;
import com.salesledger.events.receivable.IssueCreditNote;
import com.salesledger.events.receivable.IssueInvoice;
import com.salesledger.events.receivable.ReceivePayment;
import com.salesledger.events.receivable.WriteOffInvoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A seeded, plausible sales department: four regions of two teams of three reps (the demo users
 * rep1 and rep2 among them), customers of whom some pay late, product lines with their own price
 * and margin, and deals whose closing clusters at quarter ends. Emits commands deal by deal, each
 * deal's commands in the order the business would send them.
 */
final class DemoHistory {

  private static final String[] REGIONS = {"north", "south", "east", "west"};
  private static final String[] NAMES = {
    "anna", "ben", "chloe", "david", "emma", "felix", "grace", "hugo", "ines", "jonas", "kira",
        "leo",
    "mia", "noah", "olga", "paul", "quinn", "rosa", "sam", "tara", "uma", "victor", "wendy", "yusuf"
  };
  private static final String[] LINES = {"software", "services", "hardware", "support"};
  private static final double[] LINE_PRICE = {40_000, 25_000, 60_000, 12_000};
  private static final double[] LINE_MARGIN = {0.70, 0.35, 0.20, 0.55};
  private static final String[] LOSS_REASONS = {
    "price", "chose a competitor", "no budget", "project cancelled", "no decision"
  };

  record Rep(String name, String team, String region) {}

  private final DemoSettings settings;
  private final LocalDate today;
  private final Random random;
  private final List<Rep> reps = new ArrayList<>();

  DemoHistory(DemoSettings settings, LocalDate today) {
    this.settings = settings;
    this.today = today;
    this.random = new Random(settings.seed());
    for (String region : REGIONS) {
      for (int t = 1; t <= 2; t++) {
        String team = region + "-" + t;
        for (int r = 1; r <= 3; r++) {
          reps.add(new Rep(NAMES[reps.size()], team, region));
        }
      }
    }
    // The demo logins own real deals, so "a rep sees only their own" shows something.
    reps.set(0, new Rep("rep1", reps.get(0).team(), reps.get(0).region()));
    reps.set(7, new Rep("rep2", reps.get(7).team(), reps.get(7).region()));
  }

  void commands(Consumer<Object> send) {
    LocalDate start = today.minusYears(settings.years());
    long span = ChronoUnit.DAYS.between(start, today.minusDays(7));
    int invoiceNumber = 0;
    int paymentNumber = 0;
    for (int d = 1; d <= settings.deals(); d++) {
      String dealId = String.format("D-%06d", d);
      int customer = 1 + random.nextInt(settings.customers());
      String customerId = String.format("C-%05d", customer);
      boolean latePayer = customer % 10 == 3;
      Rep rep = reps.get(random.nextInt(reps.size()));
      int line = random.nextInt(LINES.length);
      LocalDate opened = start.plusDays(random.nextLong(span));
      int cycle = 10 + random.nextInt(110);
      LocalDate close = towardsQuarterEnd(opened.plusDays(cycle));
      BigDecimal amount = money(LINE_PRICE[line] * (0.3 + random.nextDouble() * 1.7));
      send.accept(
          new OpenDeal(
              dealId,
              customerId,
              rep.name(),
              rep.team(),
              rep.region(),
              LINES[line],
              amount,
              "EUR",
              close,
              opened,
              DealStage.LEAD));
      send.accept(new ChangeDealStage(dealId, DealStage.QUALIFIED, null));
      if (close.isAfter(today)) {
        continue; // still open
      }
      double outcome = random.nextDouble();
      if (outcome < 0.45) {
        send.accept(new ChangeDealStage(dealId, DealStage.PROPOSAL, null));
        BigDecimal finalAmount = money(amount.doubleValue() * (0.85 + random.nextDouble() * 0.25));
        BigDecimal cost =
            money(
                finalAmount.doubleValue() * (1 - LINE_MARGIN[line] + random.nextGaussian() * 0.05));
        send.accept(new WinDeal(dealId, finalAmount, cost.max(BigDecimal.ZERO), close, null));
        int instalments = random.nextDouble() < 0.7 ? 1 : 2;
        BigDecimal remaining = finalAmount;
        for (int i = 1; i <= instalments; i++) {
          BigDecimal part =
              i == instalments
                  ? remaining
                  : finalAmount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
          remaining = remaining.subtract(part);
          LocalDate issued = close.plusDays(random.nextInt(6) + (i - 1) * 30L);
          if (issued.isAfter(today)) {
            break;
          }
          String invoiceId = String.format("INV-%06d", ++invoiceNumber);
          send.accept(new IssueInvoice(invoiceId, dealId, part, issued, null));
          paymentNumber = settle(send, invoiceId, part, issued, latePayer, paymentNumber);
        }
      } else if (outcome < 0.85) {
        send.accept(
            new LoseDeal(dealId, LOSS_REASONS[random.nextInt(LOSS_REASONS.length)], close, null));
      }
    }
  }

  /** Most customers pay around the due date; late payers pay months late, partly, or not yet. */
  private int settle(
      Consumer<Object> send,
      String invoiceId,
      BigDecimal amount,
      LocalDate issued,
      boolean latePayer,
      int paymentNumber) {
    if (random.nextDouble() < 0.02) {
      BigDecimal credit = money(amount.doubleValue() * 0.1);
      send.accept(
          new IssueCreditNote(
              invoiceId, "CN-" + invoiceId, credit, issued.plusDays(3), "price correction", null));
      amount = amount.subtract(credit);
    }
    int delay = latePayer ? 40 + random.nextInt(160) : 10 + random.nextInt(30);
    LocalDate paid = issued.plusDays(delay);
    if (paid.isAfter(today)) {
      return paymentNumber;
    }
    if (latePayer && random.nextDouble() < 0.4) {
      BigDecimal part = money(amount.doubleValue() * 0.5);
      send.accept(
          new ReceivePayment(
              invoiceId, String.format("PAY-%07d", ++paymentNumber), part, paid, null));
      if (ChronoUnit.DAYS.between(issued, today) > 240 && random.nextDouble() < 0.5) {
        send.accept(
            new WriteOffInvoice(
                invoiceId,
                amount.subtract(part),
                issued.plusDays(240),
                "customer insolvent",
                null));
      }
      return paymentNumber;
    }
    send.accept(
        new ReceivePayment(
            invoiceId, String.format("PAY-%07d", ++paymentNumber), amount, paid, null));
    return paymentNumber;
  }

  /** Deals tend to slip to the end of the quarter: a third of them close on its last days. */
  private LocalDate towardsQuarterEnd(LocalDate date) {
    if (random.nextDouble() < 0.33) {
      int quarterEndMonth = ((date.getMonthValue() - 1) / 3 + 1) * 3;
      LocalDate end = date.withMonth(quarterEndMonth).withDayOfMonth(1).plusMonths(1).minusDays(1);
      return end.minusDays(random.nextInt(5));
    }
    return date;
  }

  private static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).max(new BigDecimal("0.01"));
  }
}
