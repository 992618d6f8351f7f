package com.salesledger.query.receivable;

import com.salesledger.events.receivable.CreditNoteIssued;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.InvoiceWrittenOff;
import com.salesledger.events.receivable.PaymentReceived;
import com.salesledger.query.common.Positions;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Invoices with what settled them, and every dated movement for as-of answers. */
@Component
@ProcessingGroup(InvoiceProjection.PROCESSOR)
class InvoiceProjection {

  static final String PROCESSOR = "receivables";

  private final JdbcTemplate jdbc;

  InvoiceProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(InvoiceIssued e, @SequenceNumber long version, TrackingToken token) {
    jdbc.update(
        "insert into invoice_view (invoice_id, deal_id, customer_id, owner_rep, team, region,"
            + " amount, currency, issue_date, due_date, open_amount, version, updated_at_position)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?,?) on conflict (invoice_id) do nothing",
        e.invoiceId(),
        e.dealId(),
        e.customerId(),
        e.ownerRep(),
        e.team(),
        e.region(),
        e.amount(),
        e.currency(),
        e.issueDate(),
        e.dueDate(),
        e.amount(),
        version,
        Positions.of(token));
  }

  @EventHandler
  void on(
      PaymentReceived e,
      @SequenceNumber long version,
      TrackingToken token,
      @MessageIdentifier String eventId) {
    settle(
        "paid",
        eventId,
        e.invoiceId(),
        e.paymentId(),
        e.amount(),
        e.receivedOn(),
        null,
        e.openAfter(),
        version,
        token);
  }

  @EventHandler
  void on(
      CreditNoteIssued e,
      @SequenceNumber long version,
      TrackingToken token,
      @MessageIdentifier String eventId) {
    settle(
        "credited",
        eventId,
        e.invoiceId(),
        e.creditNoteId(),
        e.amount(),
        e.issuedOn(),
        e.reason(),
        e.openAfter(),
        version,
        token);
  }

  @EventHandler
  void on(
      InvoiceWrittenOff e,
      @SequenceNumber long version,
      TrackingToken token,
      @MessageIdentifier String eventId) {
    settle(
        "written_off",
        eventId,
        e.invoiceId(),
        null,
        e.amount(),
        e.writtenOffOn(),
        e.reason(),
        e.openAfter(),
        version,
        token);
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from invoice_movement");
    jdbc.update("delete from invoice_view");
  }

  /** {@code column} is one of paid, credited, written_off: it names the kind of movement too. */
  private void settle(
      String column,
      String eventId,
      String invoiceId,
      String reference,
      BigDecimal amount,
      LocalDate on,
      String reason,
      BigDecimal openAfter,
      long version,
      TrackingToken token) {
    long position = Positions.of(token);
    jdbc.update(
        "insert into invoice_movement (event_id, invoice_id, kind, reference, amount, on_date,"
            + " reason) values (?,?,?,?,?,?,?) on conflict (event_id) do nothing",
        eventId,
        invoiceId,
        column,
        reference,
        amount,
        on,
        reason);
    jdbc.update(
        "update invoice_view set "
            + column
            + " = "
            + column
            + " + ?, open_amount = ?, version = ?, updated_at_position = ? where invoice_id = ?",
        amount,
        openAfter,
        version,
        position,
        invoiceId);
  }
}
