package com.salesledger.command.history;

import com.salesledger.events.credit.CreditRating;
import com.salesledger.events.credit.OpenCreditAccount;
import com.salesledger.events.deal.ChangeDealStage;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.LoseDeal;
import com.salesledger.events.deal.OpenDeal;
import com.salesledger.events.deal.WinDeal;
import com.salesledger.events.organisation.AddRep;
import com.salesledger.events.organisation.EstablishRegion;
import com.salesledger.events.organisation.FormTeam;
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
import java.util.function.Predicate;

/**
 * A seeded, plausible sales department: regions of teams of reps (the demo users rep1 and rep2
 * among them), customers of whom some pay late, product lines with their own price and margin, and
 * deals whose closing clusters at quarter ends. Emits the commands of one deal at a time, in the
 * order the business would send them. Each deal draws from its own seeded random source, so any
 * range of deals can be generated on its own (in parallel chunks) and gives the same history.
 *
 * <p>A customer's deals are consecutive numbers ({@link #firstDealOf}), so a chunk made of whole
 * customers holds every command of their credit accounts. Every fourth customer (never a late
 * payer) has a credit account, opened before its first deal, with a limit of 250,000 EUR, or
 * 100,000 EUR for every eighth customer: most wins pass, a big deal on top of unpaid invoices is
 * put on credit hold and then not invoiced. The other customers are not checked (their exposure is
 * still counted), as on the command side.
 */
public final class SalesHistory {

  private static final String[] REGIONS = {
    "north", "south", "east", "west", "central", "nordics", "iberia", "alps"
  };
  private static final String[] NAMES = {
    "anna", "ben", "chloe", "david", "emma", "felix", "grace", "hugo", "ines", "jonas", "kira",
    "leo", "mia", "noah", "olga", "paul", "quinn", "rosa", "sam", "tara", "uma", "victor", "wendy",
    "yusuf"
  };
  private static final String[] LINES = {"software", "services", "hardware", "support"};
  private static final double[] LINE_PRICE = {40_000, 25_000, 60_000, 12_000};
  private static final double[] LINE_MARGIN = {0.70, 0.35, 0.20, 0.55};
  private static final String[] LOSS_REASONS = {
    "price", "chose a competitor", "no budget", "project cancelled", "no decision"
  };

  record Rep(String name, String team, String region) {}

  private final HistoryShape shape;
  private final LocalDate today;
  private final LocalDate start;
  private final long span;
  private final List<Rep> reps = new ArrayList<>();
  private Random random;

  public SalesHistory(HistoryShape shape, LocalDate today) {
    this.shape = shape;
    this.today = today;
    this.start = today.minusYears(shape.years());
    this.span = ChronoUnit.DAYS.between(start, today.minusDays(7));
    int regions = shape.teams() >= 40 ? REGIONS.length : Math.min(4, shape.teams());
    int repCount = shape.teams() * shape.repsPerTeam();
    for (int t = 0; t < shape.teams(); t++) {
      String region = REGIONS[t % regions];
      String team = region + "-" + (t / regions + 1);
      for (int r = 0; r < shape.repsPerTeam(); r++) {
        int n = reps.size();
        String name = repCount <= NAMES.length ? NAMES[n] : String.format("rep-%04d", n + 1);
        reps.add(new Rep(name, team, region));
      }
    }
    // The demo logins own real deals, so "a rep sees only their own" shows something; both work
    // in the first team (north-1), managed by manager1, as in the test ledgers' baseline.
    reps.set(0, new Rep("rep1", reps.get(0).team(), reps.get(0).region()));
    if (reps.size() > 1) {
      reps.set(1, new Rep("rep2", reps.get(1).team(), reps.get(1).region()));
    }
  }

  /** The user who manages the teams of the demo logins rep1 and rep2. */
  public static final String DEMO_MANAGER = "manager1";

  /**
   * The organisation every generated deal is placed in, effective from the first day of the
   * history: each region, each team (managed by {@link #DEMO_MANAGER} where rep1 or rep2 work, else
   * by a manager of its own) and each rep in their team. Sent before any deal.
   */
  public List<Object> organisation() {
    LocalDate effectiveFrom = organisationEffectiveFrom();
    List<Object> commands = new ArrayList<>();
    java.util.Map<String, String> teamRegion = new java.util.LinkedHashMap<>();
    reps.forEach(r -> teamRegion.putIfAbsent(r.team(), r.region()));
    java.util.Set<String> demoTeams = new java.util.HashSet<>();
    reps.stream()
        .filter(r -> r.name().equals("rep1") || r.name().equals("rep2"))
        .forEach(r -> demoTeams.add(r.team()));
    new java.util.LinkedHashSet<>(teamRegion.values())
        .forEach(
            region ->
                commands.add(new EstablishRegion(region, capitalised(region), effectiveFrom)));
    teamRegion.forEach(
        (team, region) ->
            commands.add(
                new FormTeam(
                    team,
                    region,
                    capitalised(team),
                    List.of(demoTeams.contains(team) ? DEMO_MANAGER : "manager-" + team),
                    effectiveFrom)));
    reps.forEach(r -> commands.add(new AddRep(r.name(), r.team(), effectiveFrom)));
    return commands;
  }

  /** The day the generated organisation takes effect: the day before the first deal can open. */
  public LocalDate organisationEffectiveFrom() {
    return start.minusDays(1);
  }

  private static String capitalised(String id) {
    return Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }

  /**
   * The commands of deals {@code from} to {@code to} (inclusive, counted from 1). {@code send}
   * answers whether a command did what it asked (false: refused, or a win put on credit hold).
   */
  public void commands(int from, int to, Predicate<Object> send) {
    for (int d = from; d <= to; d++) {
      deal(d, send);
    }
  }

  /** The customer of deal {@code d}: customers own consecutive runs of deals. */
  int customerOf(int d) {
    return 1 + (int) ((d - 1L) * shape.customers() / shape.deals());
  }

  /** The first deal of {@code customer} (counted from 1; past the last deal for customers + 1). */
  int firstDealOf(int customer) {
    long before = (customer - 1L) * shape.deals();
    return 1 + (int) ((before + shape.customers() - 1) / shape.customers());
  }

  private void deal(int d, Predicate<Object> send) {
    random = new Random(shape.seed() * 1_000_003L + d);
    String dealId = String.format("D-%07d", d);
    int customer = customerOf(d);
    String customerId = String.format("C-%06d", customer);
    if (customer % 4 == 0 && firstDealOf(customer) == d) {
      BigDecimal limit = BigDecimal.valueOf(customer % 8 == 0 ? 100_000 : 250_000);
      send.test(new OpenCreditAccount(customerId, CreditRating.B, limit, "EUR", 30));
    }
    boolean latePayer = customer % 10 == 3;
    Rep rep = reps.get(random.nextInt(reps.size()));
    int line = random.nextInt(LINES.length);
    LocalDate opened = start.plusDays(random.nextLong(span));
    int cycle = 10 + random.nextInt(110);
    LocalDate close = towardsQuarterEnd(opened.plusDays(cycle));
    BigDecimal amount = money(LINE_PRICE[line] * (0.3 + random.nextDouble() * 1.7));
    send.test(
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
    send.test(new ChangeDealStage(dealId, DealStage.QUALIFIED, null));
    if (close.isAfter(today)) {
      return; // still open
    }
    double outcome = random.nextDouble();
    if (outcome < 0.45) {
      send.test(new ChangeDealStage(dealId, DealStage.PROPOSAL, null));
      BigDecimal finalAmount = money(amount.doubleValue() * (0.85 + random.nextDouble() * 0.25));
      BigDecimal cost =
          money(finalAmount.doubleValue() * (1 - LINE_MARGIN[line] + random.nextGaussian() * 0.05));
      if (!send.test(new WinDeal(dealId, finalAmount, cost.max(BigDecimal.ZERO), close, null))) {
        return; // on credit hold: not invoiced
      }
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
        String invoiceId = String.format("INV-%07d-%d", d, i);
        send.test(new IssueInvoice(invoiceId, dealId, part, issued, null));
        settle(send, invoiceId, part, issued, latePayer);
      }
    } else if (outcome < 0.85) {
      send.test(
          new LoseDeal(dealId, LOSS_REASONS[random.nextInt(LOSS_REASONS.length)], close, null));
    }
  }

  /** Most customers pay around the due date; late payers pay months late, partly, or not yet. */
  private void settle(
      Predicate<Object> send,
      String invoiceId,
      BigDecimal amount,
      LocalDate issued,
      boolean latePayer) {
    if (random.nextDouble() < 0.02) {
      BigDecimal credit = money(amount.doubleValue() * 0.1);
      send.test(
          new IssueCreditNote(
              invoiceId, "CN-" + invoiceId, credit, issued.plusDays(3), "price correction", null));
      amount = amount.subtract(credit);
    }
    int delay = latePayer ? 40 + random.nextInt(160) : 10 + random.nextInt(30);
    LocalDate paid = issued.plusDays(delay);
    if (paid.isAfter(today)) {
      return;
    }
    if (latePayer && random.nextDouble() < 0.4) {
      BigDecimal part = money(amount.doubleValue() * 0.5);
      send.test(
          new ReceivePayment(invoiceId, "PAY-" + invoiceId.substring(4) + "-1", part, paid, null));
      if (ChronoUnit.DAYS.between(issued, today) > 240 && random.nextDouble() < 0.5) {
        send.test(
            new WriteOffInvoice(
                invoiceId,
                amount.subtract(part),
                issued.plusDays(240),
                "customer insolvent",
                null));
      }
      return;
    }
    send.test(
        new ReceivePayment(invoiceId, "PAY-" + invoiceId.substring(4) + "-1", amount, paid, null));
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
