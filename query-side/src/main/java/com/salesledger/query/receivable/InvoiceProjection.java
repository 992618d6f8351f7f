package com.salesledger.query.receivable;

import com.salesledger.events.receivable.CreditNoteIssued;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.InvoiceWrittenOff;
import com.salesledger.events.receivable.PaymentReceived;
import com.salesledger.query.common.Positions;
import com.salesledger.query.common.projection.Batch;
import com.salesledger.query.common.projection.BatchScope;
import com.salesledger.query.common.projection.RebuildableProjection;
import com.salesledger.query.common.projection.Tables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Invoices with what settled them, and every dated movement for as-of answers. A batch's events are
 * folded per invoice (an invoice issued in the batch is one insert with its settlements applied,
 * any other invoice one update of summed amounts) and written as JDBC batches in invoice order.
 */
@Component
@ProcessingGroup(InvoiceProjection.PROCESSOR)
class InvoiceProjection implements RebuildableProjection {

  static final String PROCESSOR = "receivables";

  private final JdbcTemplate jdbc;
  private final String insertInvoice;
  private final String updateInvoice;
  private final String insertMovement;

  @Autowired
  InvoiceProjection(JdbcTemplate jdbc) {
    this(jdbc, Tables.LIVE);
  }

  InvoiceProjection(JdbcTemplate jdbc, Tables tables) {
    this.jdbc = jdbc;
    String invoices = tables.of("invoice_view");
    this.insertInvoice =
        "insert into "
            + invoices
            + " (invoice_id, deal_id, customer_id, owner_rep, team, region, amount, currency,"
            + " issue_date, due_date, paid, credited, written_off, open_amount, version,"
            + " updated_at_position, first_movement_on, last_movement_on)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " on conflict (invoice_id) do nothing";
    this.updateInvoice =
        "update "
            + invoices
            + " set paid = paid + ?, credited = credited + ?, written_off = written_off + ?,"
            + " open_amount = ?, version = ?, updated_at_position = ?,"
            // which transaction wrote the row last: today's ageing in memory reads what changed
            + " changed_by = pg_current_xact_id(),"
            + " first_movement_on = least(first_movement_on, ?),"
            + " last_movement_on = greatest(last_movement_on, ?) where invoice_id = ?";
    this.insertMovement =
        "insert into "
            + tables.of("invoice_movement")
            + " (event_id, invoice_id, kind, reference, amount, on_date, reason)"
            + " values (?,?,?,?,?,?,?) on conflict (event_id) do nothing";
  }

  @Override
  public String processor() {
    return PROCESSOR;
  }

  @Override
  public List<String> tables() {
    return List.of("invoice_view", "invoice_movement");
  }

  @Override
  public Object writingInto(Tables tables) {
    return new InvoiceProjection(jdbc, tables);
  }

  /** An invoice as this batch leaves it: complete when issued here, else summed changes. */
  private static final class Row {
    InvoiceIssued issued;
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal credited = BigDecimal.ZERO;
    BigDecimal writtenOff = BigDecimal.ZERO;
    BigDecimal openAmount;

    /** The earliest and latest dates of a movement in this batch (for the ageing of past dates). */
    LocalDate firstMovementOn;

    LocalDate lastMovementOn;

    long version;
    long position;
  }

  private record Movement(
      String eventId,
      String invoiceId,
      String kind,
      String reference,
      BigDecimal amount,
      LocalDate on,
      String reason) {}

  private static final class Pending {
    final Map<String, Row> invoices = new TreeMap<>();
    final List<Movement> movements = new ArrayList<>();

    Row invoice(String invoiceId, long version, TrackingToken token) {
      Row row = invoices.computeIfAbsent(invoiceId, id -> new Row());
      row.version = version;
      row.position = Positions.of(token);
      return row;
    }
  }

  private Pending pending() {
    return BatchScope.current(this, Pending::new, this::write);
  }

  @EventHandler
  void on(InvoiceIssued e, @SequenceNumber long version, TrackingToken token) {
    Row row = pending().invoice(e.invoiceId(), version, token);
    if (row.issued == null) {
      row.issued = e;
      row.openAmount = e.amount();
    }
  }

  @EventHandler
  void on(
      PaymentReceived e,
      @SequenceNumber long version,
      TrackingToken token,
      @MessageIdentifier String eventId) {
    Row row =
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
    row.paid = row.paid.add(e.amount());
  }

  @EventHandler
  void on(
      CreditNoteIssued e,
      @SequenceNumber long version,
      TrackingToken token,
      @MessageIdentifier String eventId) {
    Row row =
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
    row.credited = row.credited.add(e.amount());
  }

  @EventHandler
  void on(
      InvoiceWrittenOff e,
      @SequenceNumber long version,
      TrackingToken token,
      @MessageIdentifier String eventId) {
    Row row =
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
    row.writtenOff = row.writtenOff.add(e.amount());
  }

  /** {@code kind} is one of paid, credited, written_off. */
  private Row settle(
      String kind,
      String eventId,
      String invoiceId,
      String reference,
      BigDecimal amount,
      LocalDate on,
      String reason,
      BigDecimal openAfter,
      long version,
      TrackingToken token) {
    Pending pending = pending();
    pending.movements.add(new Movement(eventId, invoiceId, kind, reference, amount, on, reason));
    Row row = pending.invoice(invoiceId, version, token);
    row.openAmount = openAfter;
    if (row.firstMovementOn == null || on.isBefore(row.firstMovementOn)) {
      row.firstMovementOn = on;
    }
    if (row.lastMovementOn == null || on.isAfter(row.lastMovementOn)) {
      row.lastMovementOn = on;
    }
    return row;
  }

  private void write(Pending pending) {
    List<Row> issued = pending.invoices.values().stream().filter(r -> r.issued != null).toList();
    List<Map.Entry<String, Row>> settled =
        pending.invoices.entrySet().stream().filter(r -> r.getValue().issued == null).toList();
    Batch.write(
        jdbc,
        insertInvoice,
        issued,
        (p, r) -> {
          InvoiceIssued i = r.issued;
          p.text(i.invoiceId())
              .text(i.dealId())
              .text(i.customerId())
              .text(i.ownerRep())
              .text(i.team())
              .text(i.region())
              .number(i.amount())
              .text(i.currency())
              .date(i.issueDate())
              .date(i.dueDate())
              .number(r.paid)
              .number(r.credited)
              .number(r.writtenOff)
              .number(r.openAmount)
              .whole(r.version)
              .whole(r.position)
              .date(r.firstMovementOn)
              .date(r.lastMovementOn);
        });
    Batch.write(
        jdbc,
        updateInvoice,
        settled,
        (p, entry) -> {
          Row r = entry.getValue();
          p.number(r.paid)
              .number(r.credited)
              .number(r.writtenOff)
              .number(r.openAmount)
              .whole(r.version)
              .whole(r.position)
              .date(r.firstMovementOn)
              .date(r.lastMovementOn)
              .text(entry.getKey());
        });
    Batch.write(
        jdbc,
        insertMovement,
        pending.movements,
        (p, m) ->
            p.text(m.eventId())
                .text(m.invoiceId())
                .text(m.kind())
                .text(m.reference())
                .number(m.amount())
                .date(m.on())
                .text(m.reason()));
  }
}
