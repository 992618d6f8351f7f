package com.salesledger.command.receivable;

import static com.salesledger.command.RejectionMatchers.rejected;

import com.salesledger.command.common.CommandResult;
import com.salesledger.events.common.Rejection.Kind;
import com.salesledger.events.receivable.CreditNoteIssued;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.InvoiceWrittenOff;
import com.salesledger.events.receivable.IssueCreditNote;
import com.salesledger.events.receivable.PaymentReceived;
import com.salesledger.events.receivable.ReceivePayment;
import com.salesledger.events.receivable.WriteOffInvoice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settling an invoice of 1,000.00 issued 2026-04-01: payments, credit notes and write-offs never
 * take the open amount below zero. "Today" is 2026-06-30.
 */
class InvoiceTest {

  static final LocalDate ISSUED = LocalDate.of(2026, 4, 1);
  static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

  private FixtureConfiguration<Invoice> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Invoice.class);
    fixture.registerInjectableResource(
        Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC));
  }

  static InvoiceIssued issued() {
    return new InvoiceIssued(
        "INV-1",
        "D-1",
        "C-1",
        "rep1",
        "north-1",
        "north",
        new BigDecimal("1000.00"),
        "EUR",
        ISSUED,
        ISSUED.plusDays(30));
  }

  static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  @Test
  void a_partial_payment_lowers_the_open_amount() {
    fixture
        .given(issued())
        .when(new ReceivePayment("INV-1", "P-1", eur("400.00"), LocalDate.of(2026, 4, 20), null))
        .expectEvents(
            new PaymentReceived(
                "INV-1", "P-1", eur("400.00"), LocalDate.of(2026, 4, 20), eur("600.00")))
        .expectResultMessagePayload(new CommandResult("INV-1", 1));
  }

  @Test
  void a_payment_above_the_open_amount_is_refused() {
    fixture
        .given(
            issued(),
            new PaymentReceived(
                "INV-1", "P-1", eur("400.00"), LocalDate.of(2026, 4, 20), eur("600.00")))
        .when(new ReceivePayment("INV-1", "P-2", eur("600.01"), LocalDate.of(2026, 4, 21), null))
        .expectNoEvents()
        .expectException(rejected(Kind.RULE))
        .expectExceptionMessage(
            "Payment of 600.01 is more than the open amount 600.00 of invoice INV-1.");
  }

  @Test
  void the_same_payment_id_is_recorded_once() {
    fixture
        .given(
            issued(),
            new PaymentReceived(
                "INV-1", "P-1", eur("400.00"), LocalDate.of(2026, 4, 20), eur("600.00")))
        .when(new ReceivePayment("INV-1", "P-1", eur("400.00"), LocalDate.of(2026, 4, 20), null))
        .expectNoEvents()
        .expectException(rejected(Kind.CONFLICT));
  }

  @Test
  void a_payment_is_positive_with_at_most_two_decimals() {
    fixture
        .given(issued())
        .when(new ReceivePayment("INV-1", "P-1", eur("-5.00"), LocalDate.of(2026, 4, 20), null))
        .expectNoEvents()
        .expectException(rejected(Kind.INVALID, "amount"));
    fixture
        .given(issued())
        .when(new ReceivePayment("INV-1", "P-1", eur("5.001"), LocalDate.of(2026, 4, 20), null))
        .expectNoEvents()
        .expectException(rejected(Kind.INVALID, "amount"));
  }

  @Test
  void a_payment_is_not_dated_before_the_invoice_nor_in_the_future() {
    fixture
        .given(issued())
        .when(new ReceivePayment("INV-1", "P-1", eur("5.00"), ISSUED.minusDays(1), null))
        .expectNoEvents()
        .expectException(rejected(Kind.INVALID, "receivedOn"));
    fixture
        .given(issued())
        .when(new ReceivePayment("INV-1", "P-1", eur("5.00"), TODAY.plusDays(1), null))
        .expectNoEvents()
        .expectException(rejected(Kind.INVALID, "receivedOn"));
  }

  @Test
  void a_settled_invoice_takes_no_more_settlement() {
    fixture
        .given(
            issued(),
            new PaymentReceived(
                "INV-1", "P-1", eur("1000.00"), LocalDate.of(2026, 4, 20), eur("0.00")))
        .when(new ReceivePayment("INV-1", "P-2", eur("0.01"), LocalDate.of(2026, 4, 21), null))
        .expectNoEvents()
        .expectException(rejected(Kind.CONFLICT));
  }

  @Test
  void a_credit_note_lowers_the_open_amount_and_keeps_its_reason() {
    fixture
        .given(issued())
        .when(
            new IssueCreditNote(
                "INV-1", "CN-1", eur("100.00"), LocalDate.of(2026, 4, 5), "damaged goods", null))
        .expectEvents(
            new CreditNoteIssued(
                "INV-1",
                "CN-1",
                eur("100.00"),
                LocalDate.of(2026, 4, 5),
                "damaged goods",
                eur("900.00")));
  }

  @Test
  void a_credit_note_above_the_open_amount_or_repeated_is_refused() {
    fixture
        .given(issued())
        .when(
            new IssueCreditNote(
                "INV-1", "CN-1", eur("1000.01"), LocalDate.of(2026, 4, 5), "x", null))
        .expectNoEvents()
        .expectException(rejected(Kind.RULE));
    fixture
        .given(
            issued(),
            new CreditNoteIssued(
                "INV-1", "CN-1", eur("100.00"), LocalDate.of(2026, 4, 5), "x", eur("900.00")))
        .when(
            new IssueCreditNote(
                "INV-1", "CN-1", eur("100.00"), LocalDate.of(2026, 4, 5), "x", null))
        .expectNoEvents()
        .expectException(rejected(Kind.CONFLICT));
  }

  @Test
  void what_is_open_after_payments_and_credits_can_be_written_off_and_no_more() {
    fixture
        .given(
            issued(),
            new PaymentReceived(
                "INV-1", "P-1", eur("400.00"), LocalDate.of(2026, 4, 20), eur("600.00")),
            new CreditNoteIssued(
                "INV-1", "CN-1", eur("100.00"), LocalDate.of(2026, 4, 25), "x", eur("500.00")))
        .when(
            new WriteOffInvoice(
                "INV-1", eur("500.00"), LocalDate.of(2026, 6, 1), "customer insolvent", null))
        .expectEvents(
            new InvoiceWrittenOff(
                "INV-1",
                eur("500.00"),
                LocalDate.of(2026, 6, 1),
                "customer insolvent",
                eur("0.00")));
    fixture
        .given(
            issued(),
            new PaymentReceived(
                "INV-1", "P-1", eur("400.00"), LocalDate.of(2026, 4, 20), eur("600.00")))
        .when(
            new WriteOffInvoice("INV-1", eur("600.01"), LocalDate.of(2026, 6, 1), "too much", null))
        .expectNoEvents()
        .expectException(rejected(Kind.RULE));
  }

  @Test
  void a_write_off_is_not_dated_before_the_invoice() {
    fixture
        .given(issued())
        .when(new WriteOffInvoice("INV-1", eur("10.00"), ISSUED.minusDays(1), "early", null))
        .expectNoEvents()
        .expectException(rejected(Kind.INVALID, "writtenOffOn"));
  }
}
