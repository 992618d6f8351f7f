package com.salesledger.query.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.receivable.CreditNoteIssued;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.InvoiceWrittenOff;
import com.salesledger.events.receivable.PaymentReceived;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.Projector;
import com.salesledger.query.common.ReadModelDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over random histories (invoices with partial payments, credit notes and write-offs on random
 * dates, fed in random batch sizes) and random as-of dates: every group's buckets add up to its
 * open total, the grand total is the sum of the groups, and the open total equals the invoices
 * issued by then less the settlements dated by then, computed here from the facts themselves. Read
 * from the database in both ways, and from the open invoices held in memory (after every batch).
 */
class AgeingPropertyTest {

  private static final LocalDate START = LocalDate.parse("2024-01-01");
  private static final List<String> CUSTOMERS = List.of("C1", "C2", "C3", "C4");

  /** Invoices are issued within 600 days of the start, settled within 270 days of issue. */
  private static final LocalDate AFTER_EVERY_FACT = START.plusDays(1000);

  record Fact(String invoiceId, String customer, LocalDate on, BigDecimal amount, Object event) {
    boolean issued() {
      return event instanceof InvoiceIssued;
    }
  }

  record History(List<Fact> facts, List<Integer> batchSizes) {}

  @Provide
  Arbitrary<History> histories() {
    return Arbitraries.longs()
        .withoutEdgeCases()
        .flatMap(
            seed -> Arbitraries.integers().between(1, 40).map(invoices -> history(seed, invoices)));
  }

  @Provide
  Arbitrary<List<LocalDate>> asOfDates() {
    return Arbitraries.integers()
        .between(-10, 800)
        .map(START::plusDays)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<AgeingBuckets> buckets() {
    return Arbitraries.integers()
        .between(1, 60)
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(
            steps -> {
              List<Integer> bounds = new ArrayList<>();
              int bound = 0;
              for (int step : steps) {
                bound += step;
                bounds.add(bound);
              }
              return new AgeingBuckets(bounds);
            });
  }

  /** A history made from a seed, so jqwik can shrink and replay it. */
  private static History history(long seed, int invoiceCount) {
    Random random = new Random(seed);
    List<Fact> facts = new ArrayList<>();
    for (int n = 0; n < invoiceCount; n++) {
      String id = "I" + n;
      String customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
      LocalDate issued = START.plusDays(random.nextInt(600));
      BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(1_000_000), 2);
      facts.add(
          new Fact(
              id,
              customer,
              issued,
              amount,
              new InvoiceIssued(
                  id,
                  "D" + n,
                  customer,
                  "rep" + random.nextInt(3),
                  "team" + random.nextInt(2),
                  "region" + random.nextInt(2),
                  amount,
                  "EUR",
                  issued,
                  issued.plusDays(random.nextInt(4) * 30L))));
      BigDecimal open = amount;
      LocalDate on = issued;
      int settlements = random.nextInt(4);
      for (int s = 0; s < settlements && open.signum() > 0; s++) {
        on = on.plusDays(random.nextInt(90));
        BigDecimal part =
            random.nextInt(3) == 0
                ? open
                : BigDecimal.valueOf(1 + random.nextInt(open.movePointRight(2).intValueExact()), 2);
        open = open.subtract(part);
        Object event =
            switch (random.nextInt(3)) {
              case 0 -> new PaymentReceived(id, id + "-P" + s, part, on, open);
              case 1 -> new CreditNoteIssued(id, id + "-CN" + s, part, on, "credit", open);
              default -> new InvoiceWrittenOff(id, part, on, "bad debt", open);
            };
        facts.add(new Fact(id, customer, on, part, event));
        if (event instanceof InvoiceWrittenOff) {
          break; // a write-off closes the invoice's history here
        }
      }
    }
    List<Integer> batchSizes = new ArrayList<>();
    for (int left = facts.size(); left > 0; ) {
      int size = 1 + random.nextInt(Math.min(left, 25));
      batchSizes.add(size);
      left -= size;
    }
    // Facts of one invoice stay in order; invoices interleave (events sorted by global order).
    return new History(interleave(facts, random), batchSizes);
  }

  private static List<Fact> interleave(List<Fact> facts, Random random) {
    Map<String, List<Fact>> perInvoice = new java.util.LinkedHashMap<>();
    facts.forEach(f -> perInvoice.computeIfAbsent(f.invoiceId(), k -> new ArrayList<>()).add(f));
    List<List<Fact>> queues = new ArrayList<>(perInvoice.values());
    List<Fact> out = new ArrayList<>();
    while (!queues.isEmpty()) {
      List<Fact> queue = queues.get(random.nextInt(queues.size()));
      out.add(queue.remove(0));
      if (queue.isEmpty()) {
        queues.remove(queue);
      }
    }
    return out;
  }

  @Property(tries = 60)
  void buckets_add_up_to_the_open_total_and_the_open_total_to_the_facts_up_to_the_date(
      @ForAll("histories") History history,
      @ForAll("asOfDates") List<LocalDate> asOfDates,
      @ForAll("buckets") AgeingBuckets buckets) {
    ReadModelDatabase db = ReadModelDatabase.emptied();
    Projector projector = new Projector(new InvoiceProjection(db.jdbc()));
    OpenInvoicesInMemory inMemory = new OpenInvoicesInMemory(db.jdbc());
    JdbcReceivables fromMemory = JdbcReceivables.readingMemory(db.jdbc(), inMemory);
    int next = 0;
    for (int size : history.batchSizes()) {
      List<Projector.Stored> batch = new ArrayList<>();
      for (Fact fact : history.facts().subList(next, next + size)) {
        batch.add(new Projector.Stored(fact.invoiceId(), fact.event()));
      }
      projector.batch(batch);
      next += size;
      // after every batch, the open invoices held in memory (brought up from the rows the batch
      // changed) age as the database's reading does, on a day after every fact
      assertThat(inMemory.openOn(AFTER_EVERY_FACT)).isPresent();
      for (AgeingBasis basis : AgeingBasis.values()) {
        assertThat(
                fromMemory.ageing(
                    AFTER_EVERY_FACT,
                    ReceivableGroupBy.CUSTOMER,
                    buckets,
                    basis,
                    DataScope.everything()))
            .isEqualTo(
                JdbcReceivables.readingMovements(db.jdbc())
                    .ageing(
                        AFTER_EVERY_FACT,
                        ReceivableGroupBy.CUSTOMER,
                        buckets,
                        basis,
                        DataScope.everything()));
      }
    }
    assertThat(inMemory.readsOfEveryOpenInvoice()).isEqualTo(1);
    // the random dates, and days on which settlements happened (a movement on the very day
    // asked counts as settled by then: the edge both readings must get right)
    List<LocalDate> dates = new ArrayList<>(asOfDates);
    history.facts().stream()
        .filter(f -> !(f.event() instanceof InvoiceIssued))
        .map(Fact::on)
        .distinct()
        .limit(8)
        .forEach(dates::add);
    // both readings, each for every date: later movements, and the invoices open on the date
    for (JdbcReceivables receivables :
        List.of(
            JdbcReceivables.readingMovements(db.jdbc()),
            JdbcReceivables.readingOpenSpans(db.jdbc()),
            fromMemory)) {
      for (LocalDate asOf : dates) {
        for (AgeingBasis basis : AgeingBasis.values()) {
          AgeingReport report =
              receivables.ageing(
                  asOf, ReceivableGroupBy.CUSTOMER, buckets, basis, DataScope.everything());
          Map<String, BigDecimal> expected = openPerCustomer(history.facts(), asOf);
          BigDecimal groupsTotal = BigDecimal.ZERO;
          for (AgeingReport.Group group : report.groups()) {
            assertThat(group.amounts()).hasSize(buckets.count());
            assertThat(sum(group.amounts())).isEqualByComparingTo(group.open());
            assertThat(group.open())
                .as(group.key() + " on " + asOf)
                .isEqualByComparingTo(expected.getOrDefault(group.key(), BigDecimal.ZERO));
            groupsTotal = groupsTotal.add(group.open());
          }
          for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
            if (e.getValue().signum() != 0) {
              assertThat(report.groups()).extracting(AgeingReport.Group::key).contains(e.getKey());
            }
          }
          assertThat(report.groups())
              .extracting(AgeingReport.Group::key)
              .as("groups in key order on " + asOf)
              .isSorted();
          BigDecimal facts = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
          assertThat(report.total().open()).isEqualByComparingTo(facts);
          assertThat(report.total().open()).isEqualByComparingTo(groupsTotal);
          assertThat(sum(report.total().amounts())).isEqualByComparingTo(report.total().open());
        }
      }
    }
  }

  /** Invoices issued by {@code asOf} less the settlements dated by then, per customer. */
  private static Map<String, BigDecimal> openPerCustomer(List<Fact> facts, LocalDate asOf) {
    Map<String, LocalDate> issuedOn = new HashMap<>();
    facts.stream().filter(Fact::issued).forEach(f -> issuedOn.put(f.invoiceId(), f.on()));
    Map<String, BigDecimal> open = new HashMap<>();
    for (Fact f : facts) {
      if (issuedOn.get(f.invoiceId()).isAfter(asOf) || f.on().isAfter(asOf)) {
        continue;
      }
      BigDecimal signed = f.issued() ? f.amount() : f.amount().negate();
      open.merge(f.customer(), signed, BigDecimal::add);
    }
    return open;
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
