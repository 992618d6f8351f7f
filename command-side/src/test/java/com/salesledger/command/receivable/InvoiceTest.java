package com.salesledger.command.receivable;

import static com.salesledger.command.LedgerFixture.FINANCE;
import static com.salesledger.command.LedgerFixture.INVOICE;
import static com.salesledger.command.LedgerFixture.TODAY;
import static com.salesledger.command.LedgerFixture.fixtureFor;
import static com.salesledger.command.LedgerFixture.invoiceIssued;
import static com.salesledger.command.LedgerFixture.money;
import static com.salesledger.command.common.Rejections.rejected;
import static com.salesledger.events.common.Rejection.Kind.CONFLICT;
import static com.salesledger.events.common.Rejection.Kind.INVALID;
import static com.salesledger.events.common.Rejection.Kind.RULE;

import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.events.receivable.CreditNoteIssued;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.InvoiceWrittenOff;
import com.salesledger.events.receivable.IssueCreditNote;
import com.salesledger.events.receivable.PaymentReceived;
import com.salesledger.events.receivable.ReceivePayment;
import com.salesledger.events.receivable.WriteOffInvoice;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What settles an invoice: payments, credit notes and write-offs. Open amount = amount − payments −
 * credit notes − write-offs, and nothing may take it below zero.
 *
 * <p>The invoice has no creating command of its own ({@link InvoiceIssuing} creates it), so every
 * case starts from a given {@link InvoiceIssued}.
 */
class InvoiceTest {

  private static final LocalDate ISSUED_ON = LocalDate.of(2026, 6, 10);
  private static final LocalDate PAID_ON = LocalDate.of(2026, 6, 20);

  private FixtureConfiguration<Invoice> fixture;

  @BeforeEach
  void setUp() {
    fixture = fixtureFor(Invoice.class);
  }

  /** An invoice of 1000.00 issued on 2026-06-10, due 2026-07-10. */
  private static InvoiceIssued issued() {
    return invoiceIssued("1000.00", ISSUED_ON, ISSUED_ON.plusDays(30));
  }

  private static PaymentReceived paid(String paymentId, String amount, String openAfter) {
    return new PaymentReceived(INVOICE, paymentId, money(amount), PAID_ON, money(openAfter));
  }

  private static ReceivePayment pay(String paymentId, String amount) {
    return pay(paymentId, amount, PAID_ON);
  }

  private static ReceivePayment pay(String paymentId, String amount, LocalDate receivedOn) {
    return new ReceivePayment(INVOICE, paymentId, money(amount), receivedOn, null);
  }

  private static IssueCreditNote creditNote(String creditNoteId, String amount, LocalDate on) {
    return new IssueCreditNote(INVOICE, creditNoteId, money(amount), on, "damaged goods", null);
  }

  private static CreditNoteIssued creditNoteIssued(
      String creditNoteId, String amount, String openAfter) {
    return new CreditNoteIssued(
        INVOICE, creditNoteId, money(amount), PAID_ON, "damaged goods", money(openAfter));
  }

  private static WriteOffInvoice writeOff(String amount, LocalDate on) {
    return new WriteOffInvoice(INVOICE, money(amount), on, "customer insolvent", null);
  }

  private static InvoiceWrittenOff writtenOff(String amount, String openAfter) {
    return new InvoiceWrittenOff(
        INVOICE, money(amount), PAID_ON, "customer insolvent", money(openAfter));
  }

  @Nested
  class Payments {

    @Test
    void a_partial_payment_leaves_the_rest_open() {
      fixture
          .given(issued())
          .when(pay("pay-1", "400.00"), FINANCE)
          .expectEvents(paid("pay-1", "400.00", "600.00"))
          .expectResultMessagePayload(new CommandResult(INVOICE, 1));
    }

    @Test
    void each_payment_reduces_what_the_previous_ones_left_open() {
      fixture
          .given(issued(), paid("pay-1", "400.00", "600.00"))
          .when(pay("pay-2", "250.50"), FINANCE)
          .expectEvents(paid("pay-2", "250.50", "349.50"));
    }

    @Test
    void a_payment_of_the_whole_open_amount_settles_the_invoice() {
      fixture
          .given(issued(), paid("pay-1", "400.00", "600.00"))
          .when(pay("pay-2", "600.00"), FINANCE)
          .expectEvents(paid("pay-2", "600.00", "0.00"));
    }

    @Test
    void a_payment_may_not_be_more_than_the_open_amount() {
      fixture
          .given(issued(), paid("pay-1", "400.00", "600.00"))
          .when(pay("pay-2", "600.01"), FINANCE)
          .expectException(Rejected.class)
          .expectException(rejected(RULE, null, "more than the open amount 600.00"))
          .expectNoEvents();
    }

    @Test
    void the_same_payment_cannot_be_recorded_twice() {
      fixture
          .given(issued(), paid("pay-1", "400.00", "600.00"))
          .when(pay("pay-1", "100.00"), FINANCE)
          .expectException(rejected(CONFLICT, null, "Payment pay-1 is already recorded"))
          .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-10.00"})
    void a_payment_must_be_greater_than_zero(String amount) {
      fixture
          .given(issued())
          .when(pay("pay-1", amount), FINANCE)
          .expectException(rejected(INVALID, "amount", "must be greater than 0"))
          .expectNoEvents();
    }

    @Test
    void a_payment_may_have_at_most_two_decimal_places() {
      fixture
          .given(issued())
          .when(pay("pay-1", "10.005"), FINANCE)
          .expectException(rejected(INVALID, "amount", "at most 2 decimal places"))
          .expectNoEvents();
    }

    @Test
    void a_payment_cannot_be_received_before_the_invoice_was_issued() {
      fixture
          .given(issued())
          .when(pay("pay-1", "100.00", ISSUED_ON.minusDays(1)), FINANCE)
          .expectException(rejected(INVALID, "receivedOn", "before the invoice's issue date"))
          .expectNoEvents();
    }

    @Test
    void a_payment_may_be_received_on_the_issue_date() {
      fixture
          .given(issued())
          .when(pay("pay-1", "100.00", ISSUED_ON), FINANCE)
          .expectEvents(
              new PaymentReceived(INVOICE, "pay-1", money("100.00"), ISSUED_ON, money("900.00")));
    }

    @Test
    void a_payment_cannot_be_received_in_the_future() {
      fixture
          .given(issued())
          .when(pay("pay-1", "100.00", TODAY.plusDays(1)), FINANCE)
          .expectException(rejected(INVALID, "receivedOn", "must not be in the future"))
          .expectNoEvents();
    }

    @Test
    void a_payment_may_be_received_today() {
      fixture
          .given(issued())
          .when(pay("pay-1", "100.00", TODAY), FINANCE)
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_fully_settled_invoice_accepts_no_further_payment() {
      fixture
          .given(issued(), paid("pay-1", "1000.00", "0.00"))
          .when(pay("pay-2", "0.01"), FINANCE)
          .expectException(rejected(CONFLICT, null, "is fully settled"))
          .expectNoEvents();
    }
  }

  @Nested
  class CreditNotes {

    @Test
    void a_credit_note_reduces_the_open_amount() {
      fixture
          .given(issued(), paid("pay-1", "400.00", "600.00"))
          .when(creditNote("cn-1", "100.00", PAID_ON), FINANCE)
          .expectEvents(creditNoteIssued("cn-1", "100.00", "500.00"))
          .expectResultMessagePayload(new CommandResult(INVOICE, 2));
    }

    @Test
    void a_credit_note_may_not_be_more_than_the_open_amount() {
      fixture
          .given(issued(), paid("pay-1", "400.00", "600.00"))
          .when(creditNote("cn-1", "600.01", PAID_ON), FINANCE)
          .expectException(rejected(RULE, null, "Credit note of 600.01 is more than the open"))
          .expectNoEvents();
    }

    @Test
    void the_same_credit_note_cannot_be_issued_twice() {
      fixture
          .given(issued(), creditNoteIssued("cn-1", "100.00", "900.00"))
          .when(creditNote("cn-1", "50.00", PAID_ON), FINANCE)
          .expectException(rejected(CONFLICT, null, "Credit note cn-1 is already recorded"))
          .expectNoEvents();
    }

    @Test
    void a_credit_note_must_be_greater_than_zero() {
      fixture
          .given(issued())
          .when(creditNote("cn-1", "0", PAID_ON), FINANCE)
          .expectException(rejected(INVALID, "amount", "must be greater than 0"))
          .expectNoEvents();
    }

    @Test
    void a_credit_note_may_have_at_most_two_decimal_places() {
      fixture
          .given(issued())
          .when(creditNote("cn-1", "1.001", PAID_ON), FINANCE)
          .expectException(rejected(INVALID, "amount", "at most 2 decimal places"))
          .expectNoEvents();
    }

    @Test
    void a_credit_note_cannot_be_dated_before_the_invoice() {
      fixture
          .given(issued())
          .when(creditNote("cn-1", "100.00", ISSUED_ON.minusDays(1)), FINANCE)
          .expectException(rejected(INVALID, "issuedOn", "before the invoice's issue date"))
          .expectNoEvents();
    }

    @Test
    void a_credit_note_cannot_be_dated_in_the_future() {
      fixture
          .given(issued())
          .when(creditNote("cn-1", "100.00", TODAY.plusDays(1)), FINANCE)
          .expectException(rejected(INVALID, "issuedOn", "must not be in the future"))
          .expectNoEvents();
    }

    @Test
    void a_fully_settled_invoice_accepts_no_credit_note() {
      fixture
          .given(issued(), creditNoteIssued("cn-1", "1000.00", "0.00"))
          .when(creditNote("cn-2", "0.01", PAID_ON), FINANCE)
          .expectException(rejected(CONFLICT, null, "is fully settled"))
          .expectNoEvents();
    }
  }

  @Nested
  class WriteOffs {

    @Test
    void writing_off_the_rest_as_bad_debt_leaves_nothing_open() {
      fixture
          .given(issued(), paid("pay-1", "400.00", "600.00"))
          .when(writeOff("600.00", PAID_ON), FINANCE)
          .expectEvents(writtenOff("600.00", "0.00"))
          .expectResultMessagePayload(new CommandResult(INVOICE, 2));
    }

    @Test
    void part_of_the_open_amount_may_be_written_off() {
      fixture
          .given(issued())
          .when(writeOff("250.00", PAID_ON), FINANCE)
          .expectEvents(writtenOff("250.00", "750.00"));
    }

    @Test
    void a_write_off_may_not_be_more_than_the_open_amount() {
      fixture
          .given(issued(), paid("pay-1", "400.00", "600.00"))
          .when(writeOff("600.01", PAID_ON), FINANCE)
          .expectException(rejected(RULE, null, "Write-off of 600.01 is more than the open"))
          .expectNoEvents();
    }

    @Test
    void a_write_off_must_be_greater_than_zero() {
      fixture
          .given(issued())
          .when(writeOff("-1.00", PAID_ON), FINANCE)
          .expectException(rejected(INVALID, "amount", "must be greater than 0"))
          .expectNoEvents();
    }

    @Test
    void a_write_off_may_have_at_most_two_decimal_places() {
      fixture
          .given(issued())
          .when(writeOff("1.001", PAID_ON), FINANCE)
          .expectException(rejected(INVALID, "amount", "at most 2 decimal places"))
          .expectNoEvents();
    }

    @Test
    void a_write_off_cannot_be_dated_before_the_invoice() {
      fixture
          .given(issued())
          .when(writeOff("100.00", ISSUED_ON.minusDays(1)), FINANCE)
          .expectException(rejected(INVALID, "writtenOffOn", "before the invoice's issue date"))
          .expectNoEvents();
    }

    @Test
    void a_write_off_cannot_be_dated_in_the_future() {
      fixture
          .given(issued())
          .when(writeOff("100.00", TODAY.plusDays(1)), FINANCE)
          .expectException(rejected(INVALID, "writtenOffOn", "must not be in the future"))
          .expectNoEvents();
    }

    @Test
    void a_fully_written_off_invoice_accepts_no_further_write_off() {
      fixture
          .given(issued(), writtenOff("1000.00", "0.00"))
          .when(writeOff("0.01", PAID_ON), FINANCE)
          .expectException(rejected(CONFLICT, null, "is fully settled"))
          .expectNoEvents();
    }
  }

  @Nested
  class OpenAmount {

    @Test
    void payments_credit_notes_and_write_offs_all_reduce_the_same_open_amount() {
      fixture
          .given(
              issued(),
              paid("pay-1", "300.00", "700.00"),
              creditNoteIssued("cn-1", "200.00", "500.00"),
              writtenOff("100.00", "400.00"))
          .when(pay("pay-2", "400.00"), FINANCE)
          .expectEvents(paid("pay-2", "400.00", "0.00"));
    }

    @Test
    void what_one_kind_of_settlement_took_another_cannot_take_again() {
      fixture
          .given(
              issued(),
              paid("pay-1", "300.00", "700.00"),
              creditNoteIssued("cn-1", "200.00", "500.00"))
          .when(writeOff("500.01", PAID_ON), FINANCE)
          .expectException(rejected(RULE, null, "more than the open amount 500.00"))
          .expectNoEvents();
    }

    @Test
    void an_invoice_settled_by_a_mix_refuses_every_kind_of_settlement() {
      fixture
          .given(
              issued(),
              paid("pay-1", "300.00", "700.00"),
              creditNoteIssued("cn-1", "200.00", "500.00"),
              writtenOff("500.00", "0.00"))
          .when(creditNote("cn-2", "0.01", PAID_ON), FINANCE)
          .expectException(rejected(CONFLICT, null, "Invoice inv-1 is fully settled"))
          .expectNoEvents();
    }
  }
}
