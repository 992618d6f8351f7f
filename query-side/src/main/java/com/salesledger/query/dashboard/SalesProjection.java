package com.salesledger.query.dashboard;

import com.salesledger.events.deal.DealCreditHoldReleased;
import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.PaymentReceived;
import com.salesledger.query.common.projection.Batch;
import com.salesledger.query.common.projection.BatchScope;
import com.salesledger.query.common.projection.RebuildableProjection;
import com.salesledger.query.common.projection.Tables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Closed deals, held deals, collections and new customers rolled up by business month and
 * attribution, twice: as they stand now ({@code sales_month} and its roll-ups per rep and per team,
 * by month and by year; each customer's first won deal, which decides where it counts as new, in
 * {@code customer_first_win}) and as they were learnt ({@code sales_known}: every change summed by
 * the month, the day and the instant it was recorded, so an as-of answer reads a few sums instead
 * of events; its month and day sums rolled up per rep and per team as the present ones are). A
 * batch's changes are summed per row in memory and written as additive upserts in key order (one
 * lock order for every segment); the token is stored in the same transaction, so each event counts
 * exactly once.
 */
@Component
@ProcessingGroup(SalesProjection.PROCESSOR)
class SalesProjection implements RebuildableProjection {

  static final String PROCESSOR = "sales";

  private static final String SUMS =
      "revenue, cost, deals_won, deals_lost, cycle_days_won, held_deals, held_amount, collections,"
          + " new_customers";

  private final JdbcTemplate jdbc;
  private final String upsertMonth;
  private final String upsertKnown;
  private final String upsertKnownByRep;
  private final String upsertKnownByTeam;
  private final String upsertFirstWin;
  private final String selectFirstWins;
  private final String insertHeld;
  private final String selectHeld;
  private final String deleteHeld;
  private final String insertInvoice;
  private final String upsertMonthByRep;
  private final String upsertMonthByTeam;
  private final String upsertYearByRep;
  private final String upsertYearByTeam;
  private final String selectInvoices;

  @Autowired
  SalesProjection(JdbcTemplate jdbc) {
    this(jdbc, Tables.LIVE);
  }

  SalesProjection(JdbcTemplate jdbc, Tables tables) {
    this.jdbc = jdbc;
    String month = tables.of("sales_month");
    String monthByRep = tables.of("sales_rep_month");
    String monthByTeam = tables.of("sales_team_month");
    String known = tables.of("sales_known");
    String firstWin = tables.of("customer_first_win");
    String held = tables.of("sales_held_deal");
    String invoice = tables.of("sales_invoice");
    this.upsertMonth = upsertSums(month, "month, rep, team, region, product_line");
    this.upsertMonthByRep = upsertHeldSums(monthByRep, "month, rep, team, region");
    this.upsertMonthByTeam = upsertHeldSums(monthByTeam, "month, team, region, product_line");
    this.upsertYearByRep = upsertHeldSums(tables.of("sales_rep_year"), "year, rep, team, region");
    this.upsertYearByTeam =
        upsertHeldSums(tables.of("sales_team_year"), "year, team, region, product_line");
    this.upsertKnown = upsertKnown(known, "rep, team, region, product_line");
    this.upsertKnownByRep = upsertKnown(tables.of("sales_known_rep"), "rep, team, region");
    this.upsertKnownByTeam =
        upsertKnown(tables.of("sales_known_team"), "team, region, product_line");
    this.upsertFirstWin =
        "insert into "
            + firstWin
            + " as f (customer_id, deal_id, close_date, rep, team, region, product_line)"
            + " values (?,?,?,?,?,?,?) on conflict (customer_id) do update set"
            + " deal_id = excluded.deal_id, close_date = excluded.close_date,"
            + " rep = excluded.rep, team = excluded.team, region = excluded.region,"
            + " product_line = excluded.product_line"
            + " where (excluded.close_date, excluded.deal_id) < (f.close_date, f.deal_id)";
    this.selectFirstWins =
        "select customer_id, deal_id, close_date, rep, team, region, product_line from "
            + firstWin
            + " where customer_id = any(?)";
    this.insertHeld =
        "insert into "
            + held
            + " (deal_id, month, rep, team, region, product_line, amount) values (?,?,?,?,?,?,?)"
            + " on conflict (deal_id) do nothing";
    this.selectHeld =
        "select deal_id, month, rep, team, region, product_line, amount from "
            + held
            + " where deal_id = any(?)";
    this.deleteHeld = "delete from " + held + " where deal_id = ?";
    this.insertInvoice =
        "insert into "
            + invoice
            + " (invoice_id, rep, team, region) values (?,?,?,?) on conflict (invoice_id) do nothing";
    this.selectInvoices =
        "select invoice_id, rep, team, region from " + invoice + " where invoice_id = any(?)";
  }

  /**
   * Adds a row's figures to the row of {@code table} with the same {@code key} (made when there is
   * none): the present sums and their roll-ups are written alike.
   */
  private static String upsertSums(String table, String key) {
    int columns = key.split(",").length + SUMS.split(",").length;
    return "insert into "
        + table
        + " as m ("
        + key
        + ", "
        + SUMS
        + ") values ("
        + String.join(",", java.util.Collections.nCopies(columns, "?"))
        + ") on conflict ("
        + key
        + ") do update set "
        + additions("m", SUMS);
  }

  /**
   * {@link #upsertSums} for a roll-up the present dashboard holds in memory ({@link
   * PresentSumsInMemory}): an updated row names the transaction that wrote it, as an inserted one
   * does by its column's default (V360).
   */
  private static String upsertHeldSums(String table, String key) {
    return upsertSums(table, key) + ", changed_by = pg_current_xact_id()";
  }

  /** {@link #upsertSums} for as-known rows: keyed by grain, month and recorded instant too. */
  private static String upsertKnown(String table, String attribution) {
    String key = "grain, month, recorded, " + attribution;
    return upsertSums(table, key);
  }

  private static String additions(String alias, String columns) {
    StringBuilder sql = new StringBuilder();
    for (String column : columns.split(",\\s*")) {
      if (sql.length() > 0) {
        sql.append(", ");
      }
      sql.append(column).append(" = ").append(alias).append('.').append(column);
      sql.append(" + excluded.").append(column);
    }
    return sql.toString();
  }

  @Override
  public String processor() {
    return PROCESSOR;
  }

  @Override
  public List<String> tables() {
    return List.of(
        "sales_month",
        "sales_rep_month",
        "sales_team_month",
        "sales_rep_year",
        "sales_team_year",
        "customer_first_win",
        "sales_known",
        "sales_known_rep",
        "sales_known_team",
        "sales_held_deal",
        "sales_invoice");
  }

  @Override
  public SequencingPolicy<? super EventMessage<?>> sequencing() {
    return PerCustomerSequencing.INSTANCE;
  }

  @Override
  public Object writingInto(Tables tables) {
    return new SalesProjection(jdbc, tables);
  }

  /** Who a figure is credited to, and in which business month. */
  record Attribution(LocalDate month, String rep, String team, String region, String line) {
    static Attribution of(
        LocalDate date, String rep, String team, String region, String productLine) {
      return new Attribution(date.withDayOfMonth(1), rep, team, region, productLine);
    }
  }

  private static final Comparator<Attribution> ATTRIBUTION_ORDER =
      Comparator.comparing(Attribution::month)
          .thenComparing(Attribution::rep)
          .thenComparing(Attribution::team)
          .thenComparing(Attribution::region)
          .thenComparing(Attribution::line);

  /**
   * A row of {@code sales_known}: grain 'M', 'D' or 'I' and the recorded instant cut to it (first
   * instant of its UTC month or day, or the instant itself).
   */
  private record KnownKey(char grain, Instant recorded, Attribution at) {
    private static final Comparator<KnownKey> ORDER =
        Comparator.comparing(KnownKey::grain)
            .thenComparing(KnownKey::recorded)
            .thenComparing(KnownKey::at, ATTRIBUTION_ORDER);
  }

  /** Changes of one row's figures; all additive. */
  private static final class Sums {
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    long won;
    long lost;
    long cycleDays;
    long held;
    BigDecimal heldAmount = BigDecimal.ZERO;
    BigDecimal collections = BigDecimal.ZERO;
    long newCustomers;

    void add(Sums d) {
      revenue = revenue.add(d.revenue);
      cost = cost.add(d.cost);
      won += d.won;
      lost += d.lost;
      cycleDays += d.cycleDays;
      held += d.held;
      heldAmount = heldAmount.add(d.heldAmount);
      collections = collections.add(d.collections);
      newCustomers += d.newCustomers;
    }
  }

  private record HeldDeal(Attribution at, BigDecimal amount) {}

  private record Release(String dealId, Instant recorded) {}

  private record Payment(String invoiceId, BigDecimal amount, LocalDate on, Instant recorded) {}

  private record Win(String customerId, FirstWin win, Instant recorded) {}

  private record InvoiceOwner(String rep, String team, String region) {}

  private record FirstWin(
      String dealId, LocalDate closeDate, String rep, String team, String region, String line) {
    boolean before(FirstWin other) {
      int byDate = closeDate.compareTo(other.closeDate);
      return byDate < 0 || (byDate == 0 && dealId.compareTo(other.dealId) < 0);
    }

    Attribution at() {
      return Attribution.of(closeDate, rep, team, region, line);
    }
  }

  private final class Pending {
    final Map<Attribution, Sums> months = new TreeMap<>(ATTRIBUTION_ORDER);
    final Map<KnownKey, Sums> known = new TreeMap<>(KnownKey.ORDER);
    final Map<String, HeldDeal> holds = new LinkedHashMap<>();
    final List<Release> releases = new ArrayList<>();
    final Map<String, InvoiceOwner> invoices = new TreeMap<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Win> wins = new ArrayList<>();

    /** Adds {@code change} to the present row and to the three as-known rows of its instant. */
    void change(Attribution at, Instant recorded, Sums change) {
      months.computeIfAbsent(at, k -> new Sums()).add(change);
      Instant day = recorded.truncatedTo(ChronoUnit.DAYS);
      Instant month =
          recorded
              .atOffset(ZoneOffset.UTC)
              .toLocalDate()
              .withDayOfMonth(1)
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant();
      known.computeIfAbsent(new KnownKey('M', month, at), k -> new Sums()).add(change);
      known.computeIfAbsent(new KnownKey('D', day, at), k -> new Sums()).add(change);
      known.computeIfAbsent(new KnownKey('I', recorded, at), k -> new Sums()).add(change);
    }
  }

  private Pending pending() {
    return BatchScope.current(this, Pending::new, this::write);
  }

  @EventHandler
  void on(DealWon e, @Timestamp Instant recorded) {
    Pending pending = pending();
    Sums change = new Sums();
    change.revenue = e.finalAmount();
    change.cost = e.cost();
    change.won = 1;
    change.cycleDays = ChronoUnit.DAYS.between(e.openedOn(), e.closeDate());
    pending.change(
        Attribution.of(e.closeDate(), e.ownerRep(), e.team(), e.region(), e.productLine()),
        recorded,
        change);
    pending.wins.add(
        new Win(
            e.customerId(),
            new FirstWin(
                e.dealId(), e.closeDate(), e.ownerRep(), e.team(), e.region(), e.productLine()),
            recorded));
  }

  @EventHandler
  void on(DealLost e, @Timestamp Instant recorded) {
    Sums change = new Sums();
    change.lost = 1;
    pending()
        .change(
            Attribution.of(e.closeDate(), e.ownerRep(), e.team(), e.region(), e.productLine()),
            recorded,
            change);
  }

  /** A held deal counts in its close month's held figures until it is released. */
  @EventHandler
  void on(DealPutOnCreditHold e, @Timestamp Instant recorded) {
    Pending pending = pending();
    Attribution at =
        Attribution.of(e.closeDate(), e.ownerRep(), e.team(), e.region(), e.productLine());
    Sums change = new Sums();
    change.held = 1;
    change.heldAmount = e.finalAmount();
    pending.change(at, recorded, change);
    pending.holds.put(e.dealId(), new HeldDeal(at, e.finalAmount()));
  }

  /** Leaves the held figures; the {@link DealWon} that follows books it. */
  @EventHandler
  void on(DealCreditHoldReleased e, @Timestamp Instant recorded) {
    pending().releases.add(new Release(e.dealId(), recorded));
  }

  @EventHandler
  void on(InvoiceIssued e) {
    pending().invoices.put(e.invoiceId(), new InvoiceOwner(e.ownerRep(), e.team(), e.region()));
  }

  @EventHandler
  void on(PaymentReceived e, @Timestamp Instant recorded) {
    pending().payments.add(new Payment(e.invoiceId(), e.amount(), e.receivedOn(), recorded));
  }

  private void write(Pending pending) {
    resolveReleases(pending);
    resolvePayments(pending);
    Map<String, FirstWin> firstWins = resolveFirstWins(pending);

    writeRolledUp(upsertMonth, pending.months, KeyedBy.EVERYTHING);
    // The same changes rolled up per rep and per team, by month and by year (the present
    // dashboard reads these).
    Map<Attribution, Sums> byRep = rolledUp(pending.months, KeyedBy.REP, false);
    Map<Attribution, Sums> byTeam = rolledUp(pending.months, KeyedBy.TEAM, false);
    writeRolledUp(upsertMonthByRep, byRep, KeyedBy.REP);
    writeRolledUp(upsertMonthByTeam, byTeam, KeyedBy.TEAM);
    writeRolledUp(upsertYearByRep, rolledUp(byRep, KeyedBy.REP, true), KeyedBy.REP);
    writeRolledUp(upsertYearByTeam, rolledUp(byTeam, KeyedBy.TEAM, true), KeyedBy.TEAM);
    writeKnown(upsertKnown, pending.known, KeyedBy.EVERYTHING);
    // the month and day sums rolled up per rep and per team (an as-of dashboard reads these)
    writeKnown(upsertKnownByRep, knownRolledUp(pending.known, KeyedBy.REP), KeyedBy.REP);
    writeKnown(upsertKnownByTeam, knownRolledUp(pending.known, KeyedBy.TEAM), KeyedBy.TEAM);
    Batch.write(
        jdbc,
        upsertFirstWin,
        firstWins.entrySet(),
        (p, entry) -> {
          FirstWin w = entry.getValue();
          p.text(entry.getKey())
              .text(w.dealId())
              .date(w.closeDate())
              .text(w.rep())
              .text(w.team())
              .text(w.region())
              .text(w.line());
        });
    Batch.write(
        jdbc,
        insertHeld,
        pending.holds.entrySet(),
        (p, entry) -> {
          Attribution k = entry.getValue().at();
          p.text(entry.getKey())
              .date(k.month())
              .text(k.rep())
              .text(k.team())
              .text(k.region())
              .text(k.line())
              .number(entry.getValue().amount());
        });
    Batch.write(jdbc, deleteHeld, pending.releases, (p, release) -> p.text(release.dealId()));
    Batch.write(
        jdbc,
        insertInvoice,
        pending.invoices.entrySet(),
        (p, entry) ->
            p.text(entry.getKey())
                .text(entry.getValue().rep())
                .text(entry.getValue().team())
                .text(entry.getValue().region()));
  }

  /**
   * The attribution columns a roll-up is keyed by: every one, per rep (without product line) or per
   * team (without rep).
   */
  private enum KeyedBy {
    EVERYTHING(true, true),
    REP(true, false),
    TEAM(false, true);

    private final boolean rep;
    private final boolean line;

    KeyedBy(boolean rep, boolean line) {
      this.rep = rep;
      this.line = line;
    }

    /** {@code k} cut to these columns, in business period {@code period}. */
    Attribution of(Attribution k, LocalDate period) {
      return new Attribution(
          period, rep ? k.rep() : "", k.team(), k.region(), line ? k.line() : "");
    }

    /** Sets these columns of {@code k} as the next parameters. */
    Batch.Params set(Batch.Params p, Attribution k) throws java.sql.SQLException {
      if (rep) {
        p.text(k.rep());
      }
      p.text(k.team()).text(k.region());
      return line ? p.text(k.line()) : p;
    }
  }

  /**
   * {@code changes} summed per rep or per team, per month or per year (the month of January
   * standing for its year), in key order: one lock order for every segment.
   */
  private static Map<Attribution, Sums> rolledUp(
      Map<Attribution, Sums> changes, KeyedBy keyedBy, boolean perYear) {
    Map<Attribution, Sums> rolled = new TreeMap<>(ATTRIBUTION_ORDER);
    changes.forEach(
        (k, change) ->
            rolled
                .computeIfAbsent(
                    keyedBy.of(k, perYear ? k.month().withDayOfYear(1) : k.month()),
                    x -> new Sums())
                .add(change));
    return rolled;
  }

  /**
   * The month ('M') and day ('D') rows of {@code known} summed per rep or per team, in key order.
   */
  private static Map<KnownKey, Sums> knownRolledUp(Map<KnownKey, Sums> known, KeyedBy keyedBy) {
    Map<KnownKey, Sums> rolled = new TreeMap<>(KnownKey.ORDER);
    known.forEach(
        (key, change) -> {
          if (key.grain() != 'I') {
            Attribution at = keyedBy.of(key.at(), key.at().month());
            rolled
                .computeIfAbsent(new KnownKey(key.grain(), key.recorded(), at), x -> new Sums())
                .add(change);
          }
        });
    return rolled;
  }

  /** Writes as-known rows (key: grain, month, recorded instant and the attribution's columns). */
  private void writeKnown(String upsert, Map<KnownKey, Sums> rows, KeyedBy keyedBy) {
    Batch.write(
        jdbc,
        upsert,
        rows.entrySet(),
        (p, entry) -> {
          KnownKey key = entry.getKey();
          p.text(String.valueOf(key.grain())).date(key.at().month()).instant(key.recorded());
          sums(keyedBy.set(p, key.at()), entry.getValue());
        });
  }

  /** Writes rows {@link #rolledUp} (key: period and the attribution's columns). */
  private void writeRolledUp(String upsert, Map<Attribution, Sums> rows, KeyedBy keyedBy) {
    Batch.write(
        jdbc,
        upsert,
        rows.entrySet(),
        (p, entry) ->
            sums(keyedBy.set(p.date(entry.getKey().month()), entry.getKey()), entry.getValue()));
  }

  private static Batch.Params sums(Batch.Params p, Sums s) throws java.sql.SQLException {
    return p.number(s.revenue)
        .number(s.cost)
        .whole(s.won)
        .whole(s.lost)
        .whole(s.cycleDays)
        .whole(s.held)
        .number(s.heldAmount)
        .number(s.collections)
        .whole(s.newCustomers);
  }

  /**
   * A release takes the deal out of the held figures where the hold put it (its close month and
   * attribution), as of the release's instant. The hold is of the same deal, so it was handled
   * before, in this batch or an earlier one.
   */
  private void resolveReleases(Pending pending) {
    if (pending.releases.isEmpty()) {
      return;
    }
    Map<String, HeldDeal> held = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (Release release : pending.releases) {
      HeldDeal inBatch = pending.holds.get(release.dealId());
      if (inBatch != null) {
        held.put(release.dealId(), inBatch);
      } else {
        unknown.add(release.dealId());
      }
    }
    if (!unknown.isEmpty()) {
      jdbc.query(
          selectHeld,
          rs -> {
            held.put(
                rs.getString(1),
                new HeldDeal(
                    new Attribution(
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                    rs.getBigDecimal(7)));
          },
          (Object) unknown.toArray(String[]::new));
    }
    for (Release release : pending.releases) {
      HeldDeal deal = held.get(release.dealId());
      pending.holds.remove(release.dealId());
      if (deal == null) {
        continue; // a release of a hold this projection never saw: nothing was counted as held
      }
      Sums change = new Sums();
      change.held = -1;
      change.heldAmount = deal.amount().negate();
      pending.change(deal.at(), release.recorded(), change);
    }
  }

  /**
   * A payment is credited to its invoice's owner, team and region (copied from the deal at win
   * time) in the month it was received. Payments carry no product line: their rows have ''.
   */
  private void resolvePayments(Pending pending) {
    if (pending.payments.isEmpty()) {
      return;
    }
    Map<String, InvoiceOwner> owners = new HashMap<>(pending.invoices);
    List<String> unknown =
        pending.payments.stream()
            .map(Payment::invoiceId)
            .filter(id -> !owners.containsKey(id))
            .distinct()
            .toList();
    if (!unknown.isEmpty()) {
      jdbc.query(
          selectInvoices,
          rs -> {
            owners.put(
                rs.getString(1),
                new InvoiceOwner(rs.getString(2), rs.getString(3), rs.getString(4)));
          },
          (Object) unknown.toArray(String[]::new));
    }
    for (Payment payment : pending.payments) {
      InvoiceOwner owner = owners.get(payment.invoiceId());
      if (owner == null) {
        continue; // an invoice this projection never saw issued (older history): not attributable
      }
      Sums change = new Sums();
      change.collections = payment.amount();
      pending.change(
          Attribution.of(payment.on(), owner.rep(), owner.team(), owner.region(), ""),
          payment.recorded(),
          change);
    }
  }

  /**
   * Each customer's first won deal, and how the new-customer count moved as it was learnt: a win
   * that becomes a customer's first counts +1 in its close month at its instant, and the first win
   * it displaces -1 in its own, in the present sums and in the as-known ones alike. Taken in the
   * order the wins are handled: recorded order, since the processor sequences per customer ({@link
   * PerCustomerSequencing}), so one customer's wins reach this projection in stream order on one
   * segment.
   */
  private Map<String, FirstWin> resolveFirstWins(Pending pending) {
    Map<String, FirstWin> changed = new TreeMap<>();
    if (pending.wins.isEmpty()) {
      return changed;
    }
    Map<String, FirstWin> current = new HashMap<>();
    jdbc.query(
        selectFirstWins,
        rs -> {
          current.put(
              rs.getString(1),
              new FirstWin(
                  rs.getString(2),
                  rs.getObject(3, LocalDate.class),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7)));
        },
        (Object) pending.wins.stream().map(Win::customerId).distinct().toArray(String[]::new));
    for (Win win : pending.wins) {
      FirstWin before = current.get(win.customerId());
      if (before != null && !win.win().before(before)) {
        continue;
      }
      if (before != null) {
        Sums out = new Sums();
        out.newCustomers = -1;
        pending.change(before.at(), win.recorded(), out);
      }
      Sums in = new Sums();
      in.newCustomers = 1;
      pending.change(win.win().at(), win.recorded(), in);
      current.put(win.customerId(), win.win());
      changed.put(win.customerId(), win.win());
    }
    return changed;
  }
}
