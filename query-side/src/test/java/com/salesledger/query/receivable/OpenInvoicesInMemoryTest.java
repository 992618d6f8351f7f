package com.salesledger.query.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.receivable.PaymentReceived;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.Projector;
import com.salesledger.query.common.ReadModelDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Today's ageing from the open invoices held in memory answers exactly as the database's reading:
 * after settlements and new invoices (read from the rows changed since), after a write that was
 * still running when memory was last brought up, for a reader whose snapshot is older than what is
 * held, and after the table was swapped or emptied.
 */
class OpenInvoicesInMemoryTest {

  /** After every settlement of the worked example: nothing is dated later. */
  private static final LocalDate DAY = LocalDate.parse("2026-06-30");

  private ReadModelDatabase db;
  private WorkedExample example;
  private OpenInvoicesInMemory inMemory;
  private JdbcReceivables fromMemory;
  private JdbcReceivables fromDatabase;

  @BeforeEach
  void emptyReadModel() {
    db = ReadModelDatabase.emptied();
    example = new WorkedExample(new Projector(new InvoiceProjection(db.jdbc())));
    inMemory = new OpenInvoicesInMemory(db.jdbc());
    fromMemory = JdbcReceivables.readingMemory(db.jdbc(), inMemory);
    fromDatabase = JdbcReceivables.readingMovements(db.jdbc());
  }

  @Test
  void settlements_and_new_invoices_are_brought_in_from_the_rows_changed_since_the_last_read() {
    example.invoice("I1", "C1", "rep1", "north-1", "north", "1000.00", "2026-01-10", "2026-02-09");
    example.invoice("I3", "C2", "rep2", "north-1", "north", "1800.00", "2026-02-01", "2026-03-03");
    assertSameAsTheDatabase();

    example.pay("I1", "P1", "400.00", "2026-02-20");
    example.invoice("I2", "C1", "rep1", "north-1", "north", "2500.00", "2026-03-01", "2026-03-31");
    assertSameAsTheDatabase();

    example.pay("I3", "P3", "1800.00", "2026-04-10"); // settles I3: C2 leaves the report
    example.invoice("I4", "C3", "rep3", "south-1", "south", "1200.00", "2026-01-05", "2026-02-04");
    example.writeOff("I4", "1200.00", "2026-05-20");
    example.invoice("I5", "C3", "rep3", "south-1", "south", "700.00", "2026-04-15", "2026-05-15");
    assertSameAsTheDatabase();

    AgeingReport report = byCustomer(fromMemory);
    assertThat(report.groups()).extracting(AgeingReport.Group::key).containsExactly("C1", "C3");
    assertThat(report.total().open()).isEqualByComparingTo("3800.00");
    assertThat(inMemory.readsOfEveryOpenInvoice()).isEqualTo(1);
  }

  @Test
  void a_write_still_running_when_memory_was_brought_up_is_taken_once_it_commits()
      throws Exception {
    example.invoice("I1", "C1", "rep1", "north-1", "north", "1000.00", "2026-01-10", "2026-02-09");
    assertThat(openInvoices()).containsExactly("I1");
    try (Connection connection = db.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      new Projector(
              new InvoiceProjection(
                  new JdbcTemplate(new SingleConnectionDataSource(connection, true))))
          .handle(
              "I1",
              new PaymentReceived(
                  "I1",
                  "P1",
                  new BigDecimal("1000.00"),
                  LocalDate.parse("2026-02-20"),
                  new BigDecimal("0.00"))); // not committed yet
      // a later write commits first, and memory is brought up while the payment still runs
      example.invoice(
          "I3", "C2", "rep2", "north-1", "north", "1800.00", "2026-02-01", "2026-03-03");
      assertThat(openInvoices()).containsExactly("I1", "I3");
      connection.commit();
    }
    assertThat(openInvoices()).containsExactly("I3");
    assertSameAsTheDatabase();
    assertThat(inMemory.readsOfEveryOpenInvoice()).isEqualTo(1);
  }

  @Test
  void a_reader_whose_snapshot_is_older_than_what_is_held_reads_the_database() {
    example.invoice("I1", "C1", "rep1", "north-1", "north", "1000.00", "2026-01-10", "2026-02-09");
    assertThat(openInvoices()).containsExactly("I1");
    // meanwhile, elsewhere: I1 is paid, and memory is brought up to that
    db.olderReader(
        () -> {
          example.pay("I1", "P1", "1000.00", "2026-02-20");
          assertThat(openInvoices()).isEmpty();
        },
        () -> {
          assertThat(inMemory.openOn(DAY)).isEmpty();
          AgeingReport asThisSnapshotSaw = byCustomer(fromMemory);
          assertThat(asThisSnapshotSaw.total().open()).isEqualByComparingTo("1000.00");
          assertThat(asThisSnapshotSaw).isEqualTo(byCustomer(fromDatabase));
        });
    assertThat(byCustomer(fromMemory).groups()).isEmpty();
  }

  @Test
  void a_table_swapped_in_or_emptied_is_read_anew() {
    example.invoice("I1", "C1", "rep1", "north-1", "north", "1000.00", "2026-01-10", "2026-02-09");
    example.invoice("I3", "C2", "rep2", "north-1", "north", "1800.00", "2026-02-01", "2026-03-03");
    assertThat(openInvoices()).containsExactly("I1", "I3");
    // a copy whose rows keep the transactions that wrote the originals, as a rebuild's may
    db.jdbc()
        .execute(
            "create table invoice_view_copy (like invoice_view including all);"
                + " insert into invoice_view_copy select * from invoice_view;"
                + " update invoice_view_copy set open_amount = 0,"
                + " changed_by = (select min(changed_by) from invoice_view)"
                + " where invoice_id = 'I1'");
    try {
      db.swap("invoice_view", "invoice_view_copy");
      assertThat(openInvoices()).containsExactly("I3");
    } finally {
      db.swap("invoice_view", "invoice_view_copy"); // the original back, with its index names
      db.jdbc().execute("drop table invoice_view_copy");
    }
    assertThat(openInvoices()).containsExactly("I1", "I3");
    db.jdbc().execute("truncate invoice_view");
    assertThat(openInvoices()).isEmpty();
    assertThat(inMemory.readsOfEveryOpenInvoice()).isEqualTo(4);
  }

  @Test
  void a_day_with_a_settlement_dated_after_it_is_left_to_the_database() {
    example.invoice("I1", "C1", "rep1", "north-1", "north", "1000.00", "2026-01-10", "2026-02-09");
    example.pay("I1", "P1", "400.00", "2026-02-20");
    assertThat(inMemory.openOn(LocalDate.parse("2026-02-19"))).isEmpty();
    assertThat(byCustomerOn(fromMemory, LocalDate.parse("2026-02-19")).total().open())
        .isEqualByComparingTo("1000.00");
    assertThat(inMemory.openOn(LocalDate.parse("2026-02-20"))).isPresent();
  }

  private List<String> openInvoices() {
    return inMemory.openOn(DAY).orElseThrow().stream()
        .map(OpenInvoicesInMemory.Open::invoiceId)
        .sorted()
        .toList();
  }

  /**
   * Every grouping and basis, for everyone, one rep, one team and no one, from memory and from the
   * database.
   */
  private void assertSameAsTheDatabase() {
    assertThat(inMemory.openOn(DAY)).isPresent();
    for (ReceivableGroupBy groupBy : ReceivableGroupBy.values()) {
      for (AgeingBasis basis : AgeingBasis.values()) {
        for (DataScope scope :
            List.of(
                DataScope.everything(),
                DataScope.ownedBy("rep1"),
                DataScope.ofTeams(java.util.Set.of("south-1")),
                DataScope.nothing())) {
          AgeingBuckets buckets = AgeingBuckets.DEFAULT;
          assertThat(fromMemory.ageing(DAY, groupBy, buckets, basis, scope))
              .as(groupBy + " " + basis + " " + scope.describe())
              .isEqualTo(fromDatabase.ageing(DAY, groupBy, buckets, basis, scope));
        }
      }
    }
  }

  private static AgeingReport byCustomer(JdbcReceivables receivables) {
    return byCustomerOn(receivables, DAY);
  }

  private static AgeingReport byCustomerOn(JdbcReceivables receivables, LocalDate day) {
    return receivables.ageing(
        day,
        ReceivableGroupBy.CUSTOMER,
        AgeingBuckets.DEFAULT,
        AgeingBasis.DUE,
        DataScope.everything());
  }
}
