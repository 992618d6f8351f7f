package com.salesledger.command.receivable;

import com.salesledger.command.common.CommandDispatcher;
import com.salesledger.command.common.CommandDispatcher.Submission;
import com.salesledger.command.common.Ids;
import com.salesledger.events.receivable.IssueCreditNote;
import com.salesledger.events.receivable.IssueInvoice;
import com.salesledger.events.receivable.ReceivePayment;
import com.salesledger.events.receivable.WriteOffInvoice;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Invoice commands, for finance. Business rules live in {@link Invoice} and the deal. */
@RestController
@RequestMapping("/api/invoices")
@Permitted(Permission.MANAGE_RECEIVABLES)
class InvoiceController {

  record IssueInvoiceRequest(
      @NotBlank String invoiceId,
      @NotBlank String dealId,
      @NotNull BigDecimal amount,
      @NotNull LocalDate issueDate,
      LocalDate dueDate) {}

  record PaymentRequest(
      @NotBlank String paymentId,
      @NotNull BigDecimal amount,
      @NotNull LocalDate receivedOn,
      Long expectedVersion) {}

  record CreditNoteRequest(
      @NotBlank String creditNoteId,
      @NotNull BigDecimal amount,
      @NotNull LocalDate issuedOn,
      @NotBlank @Size(max = 1000) String reason,
      Long expectedVersion) {}

  record WriteOffRequest(
      @NotNull BigDecimal amount,
      @NotNull LocalDate writtenOffOn,
      @NotBlank @Size(max = 1000) String reason,
      Long expectedVersion) {}

  private final CommandDispatcher dispatcher;

  InvoiceController(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> issue(
      @Valid @RequestBody IssueInvoiceRequest body, HttpServletRequest request) {
    IssueInvoice command =
        new IssueInvoice(
            Ids.require("invoiceId", body.invoiceId()),
            Ids.require("dealId", body.dealId()),
            body.amount(),
            body.issueDate(),
            body.dueDate());
    return dispatcher.send(
        request, new Submission(command, body, "invoiceId", HttpStatus.CREATED, null));
  }

  @PostMapping("/{invoiceId}/payments")
  ResponseEntity<Map<String, Object>> pay(
      @PathVariable String invoiceId,
      @Valid @RequestBody PaymentRequest body,
      HttpServletRequest request) {
    ReceivePayment command =
        new ReceivePayment(
            Ids.require("invoiceId", invoiceId),
            Ids.require("paymentId", body.paymentId()),
            body.amount(),
            body.receivedOn(),
            body.expectedVersion());
    return dispatcher.send(
        request, new Submission(command, body, "invoiceId", HttpStatus.CREATED, null));
  }

  @PostMapping("/{invoiceId}/credit-notes")
  ResponseEntity<Map<String, Object>> creditNote(
      @PathVariable String invoiceId,
      @Valid @RequestBody CreditNoteRequest body,
      HttpServletRequest request) {
    IssueCreditNote command =
        new IssueCreditNote(
            Ids.require("invoiceId", invoiceId),
            Ids.require("creditNoteId", body.creditNoteId()),
            body.amount(),
            body.issuedOn(),
            body.reason(),
            body.expectedVersion());
    return dispatcher.send(
        request, new Submission(command, body, "invoiceId", HttpStatus.CREATED, body.reason()));
  }

  @PostMapping("/{invoiceId}/write-off")
  ResponseEntity<Map<String, Object>> writeOff(
      @PathVariable String invoiceId,
      @Valid @RequestBody WriteOffRequest body,
      HttpServletRequest request) {
    WriteOffInvoice command =
        new WriteOffInvoice(
            Ids.require("invoiceId", invoiceId),
            body.amount(),
            body.writtenOffOn(),
            body.reason(),
            body.expectedVersion());
    return dispatcher.send(
        request, new Submission(command, body, "invoiceId", HttpStatus.OK, body.reason()));
  }
}
