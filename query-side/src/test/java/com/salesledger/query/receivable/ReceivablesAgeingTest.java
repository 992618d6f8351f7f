package com.salesledger.query.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.Projector;
import com.salesledger.query.common.ReadModelDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ageing and collections over the worked example, to the cent. */
class ReceivablesAgeingTest {

  private JdbcReceivables receivables;

  @BeforeEach
  void feedTheWorkedExample() {
    ReadModelDatabase db = ReadModelDatabase.emptied();
    WorkedExample.feed(new Projector(new InvoiceProjection(db.jdbc())));
    receivables =
        new JdbcReceivables(
            db.jdbc(), java.time.Clock.systemUTC(), new OpenInvoicesInMemory(db.jdbc()));
  }

  private AgeingReport ageing(
      String asOf, ReceivableGroupBy by, String buckets, AgeingBasis basis) {
    return receivables.ageing(
        LocalDate.parse(asOf), by, AgeingBuckets.parse(buckets), basis, DataScope.everything());
  }

  /** "C1=2800.00[2200.00, 0.00, ...]" per group, then the total. */
  private static List<String> lines(AgeingReport report) {
    List<String> lines =
        report.groups().stream().map(ReceivablesAgeingTest::line).collect(Collectors.toList());
    lines.add(line(report.total()));
    return lines;
  }

  private static String line(AgeingReport.Group g) {
    return g.key() + "=" + g.open() + g.amounts();
  }

  @Test
  void ageing_by_due_date_as_of_the_end_of_march_counts_only_what_happened_by_then() {
    AgeingReport report =
        ageing("2026-03-31", ReceivableGroupBy.CUSTOMER, "30,60,90,120", AgeingBasis.DUE);
    assertThat(report.buckets())
        .containsExactly("not yet due", "1-30", "31-60", "61-90", "91-120", "over 120");
    assertThat(lines(report))
        .containsExactly(
            "C1=2800.00[2200.00, 0.00, 600.00, 0.00, 0.00, 0.00]",
            "C2=1800.00[0.00, 1800.00, 0.00, 0.00, 0.00, 0.00]",
            "C3=1000.00[0.00, 0.00, 1000.00, 0.00, 0.00, 0.00]",
            "total=5600.00[2200.00, 1800.00, 1600.00, 0.00, 0.00, 0.00]");
  }

  @Test
  void ageing_as_of_mid_february_leaves_out_later_invoices_and_later_payments() {
    assertThat(
            lines(
                ageing("2026-02-15", ReceivableGroupBy.CUSTOMER, "30,60,90,120", AgeingBasis.DUE)))
        .containsExactly(
            "C1=1000.00[0.00, 1000.00, 0.00, 0.00, 0.00, 0.00]",
            "C2=1800.00[1800.00, 0.00, 0.00, 0.00, 0.00, 0.00]",
            "C3=1200.00[0.00, 1200.00, 0.00, 0.00, 0.00, 0.00]",
            "total=4000.00[1800.00, 2200.00, 0.00, 0.00, 0.00, 0.00]");
  }

  @Test
  void ageing_at_the_end_of_june_drops_what_was_settled_or_written_off() {
    assertThat(
            lines(
                ageing("2026-06-30", ReceivableGroupBy.CUSTOMER, "30,60,90,120", AgeingBasis.DUE)))
        .containsExactly(
            "C1=2200.00[0.00, 0.00, 0.00, 0.00, 2200.00, 0.00]",
            "C2=1000.00[0.00, 0.00, 0.00, 0.00, 1000.00, 0.00]",
            "C3=700.00[0.00, 0.00, 700.00, 0.00, 0.00, 0.00]",
            "total=3900.00[0.00, 0.00, 700.00, 0.00, 3200.00, 0.00]");
  }

  @Test
  void ageing_by_invoice_date_counts_days_since_issue() {
    AgeingReport report =
        ageing("2026-03-31", ReceivableGroupBy.CUSTOMER, "30,60,90,120", AgeingBasis.INVOICE);
    assertThat(report.buckets().get(0)).isEqualTo("0");
    assertThat(lines(report))
        .containsExactly(
            "C1=2800.00[0.00, 2200.00, 0.00, 600.00, 0.00, 0.00]",
            "C2=1800.00[0.00, 0.00, 1800.00, 0.00, 0.00, 0.00]",
            "C3=1000.00[0.00, 0.00, 0.00, 1000.00, 0.00, 0.00]",
            "total=5600.00[0.00, 2200.00, 1800.00, 1600.00, 0.00, 0.00]");
  }

  @Test
  void custom_buckets_partition_the_same_open_total() {
    AgeingReport report =
        ageing("2026-03-31", ReceivableGroupBy.CUSTOMER, "15,45", AgeingBasis.DUE);
    assertThat(report.buckets()).containsExactly("not yet due", "1-15", "16-45", "over 45");
    assertThat(lines(report))
        .containsExactly(
            "C1=2800.00[2200.00, 0.00, 0.00, 600.00]",
            "C2=1800.00[0.00, 0.00, 1800.00, 0.00]",
            "C3=1000.00[0.00, 0.00, 0.00, 1000.00]",
            "total=5600.00[2200.00, 0.00, 1800.00, 1600.00]");
  }

  @Test
  void ageing_groups_by_region_rep_and_team() {
    assertThat(
            lines(ageing("2026-03-31", ReceivableGroupBy.REGION, "30,60,90,120", AgeingBasis.DUE)))
        .containsExactly(
            "north=4600.00[2200.00, 1800.00, 600.00, 0.00, 0.00, 0.00]",
            "south=1000.00[0.00, 0.00, 1000.00, 0.00, 0.00, 0.00]",
            "total=5600.00[2200.00, 1800.00, 1600.00, 0.00, 0.00, 0.00]");
    assertThat(
            ageing("2026-03-31", ReceivableGroupBy.REP, "30,60,90,120", AgeingBasis.DUE).groups())
        .extracting(AgeingReport.Group::key, AgeingReport.Group::open)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("rep1", new BigDecimal("2800.00")),
            org.assertj.core.groups.Tuple.tuple("rep2", new BigDecimal("1800.00")),
            org.assertj.core.groups.Tuple.tuple("rep3", new BigDecimal("1000.00")));
    assertThat(
            ageing("2026-03-31", ReceivableGroupBy.TEAM, "30,60,90,120", AgeingBasis.DUE).groups())
        .extracting(AgeingReport.Group::key)
        .containsExactly("north-1", "south-1");
  }

  @Test
  void a_rep_sees_only_the_invoices_of_their_own_deals() {
    AgeingReport report =
        receivables.ageing(
            LocalDate.parse("2026-03-31"),
            ReceivableGroupBy.CUSTOMER,
            AgeingBuckets.DEFAULT,
            AgeingBasis.DUE,
            DataScope.ownedBy("rep2"));
    assertThat(lines(report))
        .containsExactly(
            "C2=1800.00[0.00, 1800.00, 0.00, 0.00, 0.00, 0.00]",
            "total=1800.00[0.00, 1800.00, 0.00, 0.00, 0.00, 0.00]");
  }

  @Test
  void collections_dso_and_bad_debt_rate_of_a_period() {
    CollectionsReport march =
        receivables.collections(
            LocalDate.parse("2026-03-01"),
            LocalDate.parse("2026-03-31"),
            ReceivableGroupBy.REGION,
            DataScope.everything());
    // March: I4 paid 200.00; I2 issued 2,500.00; open at the end 5,600.00; 31 days.
    assertThat(march.total())
        .isEqualTo(
            new CollectionsReport.Row(
                "total",
                new BigDecimal("200.00"),
                new BigDecimal("2500.00"),
                new BigDecimal("0.00"),
                new BigDecimal("5600.00"),
                new BigDecimal("69.4"),
                new BigDecimal("0.0000")));
    CollectionsReport q2 =
        receivables.collections(
            LocalDate.parse("2026-04-01"),
            LocalDate.parse("2026-06-30"),
            ReceivableGroupBy.REGION,
            DataScope.everything());
    // South in Q2: I5 issued 700.00, I4 written off 1,000.00, open at the end 700.00; 91 days.
    assertThat(q2.groups())
        .filteredOn(r -> r.key().equals("south"))
        .containsExactly(
            new CollectionsReport.Row(
                "south",
                new BigDecimal("0.00"),
                new BigDecimal("700.00"),
                new BigDecimal("1000.00"),
                new BigDecimal("700.00"),
                new BigDecimal("91.0"),
                new BigDecimal("1.4286")));
    // North in Q2: payments 800.00 + 600.00, no credit sales: DSO and bad-debt rate are absent.
    assertThat(q2.groups())
        .filteredOn(r -> r.key().equals("north"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.collections()).isEqualByComparingTo("1400.00");
              assertThat(r.openAtEnd()).isEqualByComparingTo("3200.00");
              assertThat(r.dso()).isNull();
              assertThat(r.badDebtRate()).isNull();
            });
  }

  @Test
  void bucket_bounds_must_be_strictly_increasing_positive_whole_numbers() {
    for (String bad :
        List.of(
            "30,30",
            "60,30",
            "0,30",
            "-5",
            "",
            "a,b",
            "30,,60",
            "+30",
            "\u0663\u0660",
            "1234567890")) {
      assertThatThrownBy(() -> AgeingBuckets.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
