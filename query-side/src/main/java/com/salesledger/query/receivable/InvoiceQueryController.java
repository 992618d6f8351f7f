package com.salesledger.query.receivable;

import com.salesledger.platform.security.Actor;
import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.PositionHeader;
import com.salesledger.query.common.Freshness;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One invoice's settlement and age, today or as of a past date. */
@RestController
@RequestMapping("/api/receivables")
class InvoiceQueryController {

  private final JdbcTemplate jdbc;
  private final Freshness freshness;
  private final Clock clock;

  InvoiceQueryController(JdbcTemplate jdbc, Freshness freshness, Clock clock) {
    this.jdbc = jdbc;
    this.freshness = freshness;
    this.clock = clock;
  }

  @GetMapping("/invoices/{invoiceId}")
  ResponseEntity<InvoiceView> invoice(
      @PathVariable String invoiceId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      HttpServletRequest request) {
    long position = freshness.await(request, InvoiceProjection.PROCESSOR);
    LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
    InvoiceView invoice =
        jdbc
            .query(
                "select i.*,"
                    + " coalesce(sum(m.amount) filter (where m.kind = 'paid'), 0)::numeric(15,2) as paid_asof,"
                    + " coalesce(sum(m.amount) filter (where m.kind = 'credited'), 0)::numeric(15,2) as credited_asof,"
                    + " coalesce(sum(m.amount) filter (where m.kind = 'written_off'), 0)::numeric(15,2) as written_off_asof"
                    + " from invoice_view i left join invoice_movement m"
                    + " on m.invoice_id = i.invoice_id and m.on_date <= ?"
                    + " where i.invoice_id = ? group by i.invoice_id",
                (rs, i) -> {
                  BigDecimal amount = rs.getBigDecimal("amount");
                  BigDecimal paid = rs.getBigDecimal("paid_asof");
                  BigDecimal credited = rs.getBigDecimal("credited_asof");
                  BigDecimal writtenOff = rs.getBigDecimal("written_off_asof");
                  BigDecimal open = amount.subtract(paid).subtract(credited).subtract(writtenOff);
                  LocalDate due = rs.getObject("due_date", LocalDate.class);
                  LocalDate issued = rs.getObject("issue_date", LocalDate.class);
                  long overdue =
                      open.signum() > 0 ? Math.max(0, ChronoUnit.DAYS.between(due, date)) : 0;
                  return new InvoiceView(
                      rs.getString("invoice_id"),
                      rs.getString("deal_id"),
                      rs.getString("customer_id"),
                      rs.getString("owner_rep"),
                      rs.getString("team"),
                      rs.getString("region"),
                      rs.getString("currency"),
                      issued,
                      due,
                      date,
                      amount,
                      paid,
                      credited,
                      writtenOff,
                      open,
                      overdue,
                      status(open, overdue, writtenOff),
                      rs.getLong("version"),
                      rs.getLong("updated_at_position"));
                },
                date,
                invoiceId)
            .stream()
            .findFirst()
            .orElseThrow(() -> LedgerProblem.notFound("No invoice " + invoiceId + "."));
    if (date.isBefore(invoice.issueDate())) {
      throw LedgerProblem.invalid(
          "asOf", "is before the invoice's issue date " + invoice.issueDate());
    }
    Actor actor = Actor.current();
    if (actor.isRepOnly() && !invoice.ownerRep().equals(actor.name())) {
      throw LedgerProblem.forbidden("A rep may see only invoices of their own deals.");
    }
    return ResponseEntity.ok()
        .header(PositionHeader.POSITION, Long.toString(position))
        .body(invoice);
  }

  private static String status(BigDecimal open, long overdue, BigDecimal writtenOff) {
    if (open.signum() == 0) {
      return writtenOff.signum() > 0 ? "CLOSED_WITH_WRITE_OFF" : "SETTLED";
    }
    return overdue > 0 ? "OVERDUE" : "OPEN";
  }
}
