package com.salesledger.command.receivable;

import static com.salesledger.command.RejectionMatchers.rejected;
import static com.salesledger.command.deal.DealHistory.opened;
import static com.salesledger.command.deal.DealHistory.won;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.command.deal.Deal;
import com.salesledger.command.deal.DealHistory;
import com.salesledger.events.common.Rejection.Kind;
import com.salesledger.events.deal.DealInvoiced;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.IssueInvoice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issuing invoices for a deal won on 2026-05-15 for 900.00: the deal claims each instalment, so
 * together they never exceed the final amount. "Today" is 2026-06-30.
 */
class InvoiceIssuingTest {

  static final LocalDate CLOSED = DealHistory.CLOSED_ON;

  private FixtureConfiguration<Deal> fixture;
  private EventStore invoiceStore;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Deal.class);
    fixture.registerInjectableResource(
        Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC));
    // The fixture's store holds the deal's stream only, so invoices get a store of their own.
    invoiceStore =
        EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    EventSourcingRepository<Invoice> invoices =
        EventSourcingRepository.builder(Invoice.class).eventStore(invoiceStore).build();
    IssuedInvoices noneIssuedYet =
        new IssuedInvoices(invoiceStore) {
          @Override
          public boolean contains(String invoiceId) {
            return false;
          }
        };
    fixture.registerAnnotatedCommandHandler(
        new InvoiceIssuing(fixture.getRepository(), invoices, noneIssuedYet, 30));
  }

  private List<Object> invoiceEvents(String invoiceId) {
    return invoiceStore.readEvents(invoiceId).asStream().map(m -> (Object) m.getPayload()).toList();
  }

  static IssueInvoice issue(String id, String amount, LocalDate issueDate, LocalDate dueDate) {
    return new IssueInvoice(id, "D-1", new BigDecimal(amount), issueDate, dueDate);
  }

  @Test
  void an_invoice_for_a_won_deal_is_due_after_the_default_terms() {
    LocalDate issued = LocalDate.of(2026, 5, 20);
    fixture
        .given(opened(), won())
        .when(issue("INV-1", "500.00", issued, null))
        .expectEvents(
            new DealInvoiced("D-1", "INV-1", new BigDecimal("500.00"), new BigDecimal("500.00")));
    assertThat(invoiceEvents("INV-1"))
        .containsExactly(
            new InvoiceIssued(
                "INV-1",
                "D-1",
                "C-1",
                "rep1",
                "north-1",
                "north",
                new BigDecimal("500.00"),
                "EUR",
                issued,
                issued.plusDays(30)));
  }

  @Test
  void a_given_due_date_is_kept() {
    LocalDate issued = LocalDate.of(2026, 5, 20);
    fixture
        .given(opened(), won())
        .when(issue("INV-1", "900.00", issued, LocalDate.of(2026, 7, 31)))
        .expectEvents(
            new DealInvoiced("D-1", "INV-1", new BigDecimal("900.00"), new BigDecimal("900.00")));
    assertThat(invoiceEvents("INV-1"))
        .containsExactly(
            new InvoiceIssued(
                "INV-1",
                "D-1",
                "C-1",
                "rep1",
                "north-1",
                "north",
                new BigDecimal("900.00"),
                "EUR",
                issued,
                LocalDate.of(2026, 7, 31)));
  }

  @Test
  void a_due_date_before_the_issue_date_is_refused() {
    fixture
        .given(opened(), won())
        .when(issue("INV-1", "100.00", LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 19)))
        .expectNoEvents()
        .expectException(rejected(Kind.INVALID, "dueDate"));
    assertThat(invoiceEvents("INV-1")).as("neither the claim nor the invoice is stored").isEmpty();
  }

  @Test
  void an_open_deal_cannot_be_invoiced() {
    fixture
        .given(opened())
        .when(issue("INV-1", "100.00", LocalDate.of(2026, 5, 20), null))
        .expectNoEvents()
        .expectException(rejected(Kind.RULE));
  }

  @Test
  void instalments_never_add_up_to_more_than_the_final_amount() {
    fixture
        .given(
            opened(),
            won(),
            new DealInvoiced("D-1", "INV-1", new BigDecimal("500.00"), new BigDecimal("500.00")))
        .when(issue("INV-2", "400.01", LocalDate.of(2026, 5, 20), null))
        .expectNoEvents()
        .expectException(rejected(Kind.RULE))
        .expectExceptionMessage(
            "Invoice amount 400.01 exceeds what remains to invoice on deal D-1 (400.00 of 900.00).");
  }

  @Test
  void the_remaining_amount_can_be_invoiced_exactly() {
    fixture
        .given(
            opened(),
            won(),
            new DealInvoiced("D-1", "INV-1", new BigDecimal("500.00"), new BigDecimal("500.00")))
        .when(issue("INV-2", "400.00", LocalDate.of(2026, 5, 20), null))
        .expectEvents(
            new DealInvoiced("D-1", "INV-2", new BigDecimal("400.00"), new BigDecimal("900.00")));
    assertThat(invoiceEvents("INV-2")).hasSize(1);
  }

  @Test
  void the_same_invoice_id_cannot_be_issued_twice_for_a_deal() {
    fixture
        .given(
            opened(),
            won(),
            new DealInvoiced("D-1", "INV-1", new BigDecimal("100.00"), new BigDecimal("100.00")))
        .when(issue("INV-1", "100.00", LocalDate.of(2026, 5, 20), null))
        .expectNoEvents()
        .expectException(rejected(Kind.CONFLICT));
  }

  @Test
  void an_invoice_is_not_issued_before_the_deal_closed_nor_in_the_future() {
    fixture
        .given(opened(), won())
        .when(issue("INV-1", "100.00", CLOSED.minusDays(1), null))
        .expectNoEvents()
        .expectException(rejected(Kind.INVALID, "issueDate"));
    fixture
        .given(opened(), won())
        .when(issue("INV-1", "100.00", LocalDate.of(2026, 7, 1), null))
        .expectNoEvents()
        .expectException(rejected(Kind.INVALID, "issueDate"));
  }

  @Test
  void an_invoice_amount_is_positive() {
    fixture
        .given(opened(), won())
        .when(issue("INV-1", "0.00", LocalDate.of(2026, 5, 20), null))
        .expectNoEvents()
        .expectException(rejected(Kind.INVALID, "amount"));
  }
}
