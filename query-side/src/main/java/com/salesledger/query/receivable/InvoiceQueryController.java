package com.salesledger.query.receivable;

import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.PositionHeader;
import com.salesledger.query.common.Freshness;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One invoice's settlement and age, today or as of a past date, within the caller's scope. */
@RestController
@RequestMapping("/api/receivables")
@Permitted(Permission.READ_LEDGER)
class InvoiceQueryController {

  private final InvoiceViews invoices;
  private final AccessPolicy access;
  private final Freshness freshness;
  private final Clock clock;

  InvoiceQueryController(
      InvoiceViews invoices, AccessPolicy access, Freshness freshness, Clock clock) {
    this.invoices = invoices;
    this.access = access;
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
    // Scope first (in the read): an invoice outside it is unknown before its dates are compared.
    InvoiceView invoice =
        invoices
            .find(invoiceId, date, access.scopeOfCurrentCaller())
            .orElseThrow(() -> LedgerProblem.notFound("No invoice " + invoiceId + "."));
    if (date.isBefore(invoice.issueDate())) {
      throw LedgerProblem.invalid(
          "asOf", "is before the invoice's issue date " + invoice.issueDate());
    }
    return ResponseEntity.ok()
        .header(PositionHeader.POSITION, Long.toString(position))
        .body(invoice);
  }
}
