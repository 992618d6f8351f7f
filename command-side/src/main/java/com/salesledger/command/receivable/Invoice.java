package com.salesledger.command.receivable;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.salesledger.command.common.Access;
import com.salesledger.command.common.Amounts;
import com.salesledger.command.common.Caller;
import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.command.deal.InvoiceClaim;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.credit.SettlementKind;
import com.salesledger.events.receivable.CreditNoteIssued;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.InvoiceWrittenOff;
import com.salesledger.events.receivable.IssueCreditNote;
import com.salesledger.events.receivable.PaymentReceived;
import com.salesledger.events.receivable.ReceivePayment;
import com.salesledger.events.receivable.WriteOffInvoice;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Permission;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One invoice (an instalment of a won deal) and what settles it. Open amount = amount − payments −
 * credit notes − write-offs; nothing may take it below zero. Every settlement also lowers the
 * customer's credit exposure ({@link CustomerCredit}) in the same unit of work.
 */
@Aggregate
public class Invoice {

  @AggregateIdentifier private String invoiceId;
  private String customerId;
  private String ownerRep;
  private String team;
  private LocalDate issueDate;
  private BigDecimal open;
  private final Set<String> paymentIds = new HashSet<>();
  private final Set<String> creditNoteIds = new HashSet<>();

  protected Invoice() {}

  /** Issued through {@link InvoiceIssuing}, which first claims the amount on the deal. */
  Invoice(
      String invoiceId,
      InvoiceClaim claim,
      BigDecimal amount,
      LocalDate issueDate,
      LocalDate dueDate) {
    if (dueDate.isBefore(issueDate)) {
      throw Rejected.invalid("dueDate", "must not be before the issue date " + issueDate);
    }
    apply(
        new InvoiceIssued(
            invoiceId,
            claim.dealId(),
            claim.customerId(),
            claim.ownerRep(),
            claim.team(),
            claim.region(),
            amount,
            claim.currency(),
            issueDate,
            dueDate));
  }

  @CommandHandler
  public CommandResult handle(
      ReceivePayment command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy,
      Clock clock,
      CustomerCredit credit) {
    requireInScope(policy, user, roles);
    if (paymentIds.contains(command.paymentId())) {
      throw Rejected.conflict(
          "Payment " + command.paymentId() + " is already recorded on invoice " + invoiceId + ".");
    }
    requireSettlement("amount", command.amount(), "receivedOn", command.receivedOn(), clock);
    requireWithinOpen("Payment", command.amount());
    apply(
        new PaymentReceived(
            invoiceId,
            command.paymentId(),
            command.amount(),
            command.receivedOn(),
            open.subtract(command.amount())));
    credit.invoiceSettled(
        customerId, invoiceId, SettlementKind.PAYMENT, command.amount(), command.receivedOn());
    return result();
  }

  @CommandHandler
  public CommandResult handle(
      IssueCreditNote command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy,
      Clock clock,
      CustomerCredit credit) {
    requireInScope(policy, user, roles);
    if (creditNoteIds.contains(command.creditNoteId())) {
      throw Rejected.conflict(
          "Credit note "
              + command.creditNoteId()
              + " is already recorded on invoice "
              + invoiceId
              + ".");
    }
    requireSettlement("amount", command.amount(), "issuedOn", command.issuedOn(), clock);
    requireWithinOpen("Credit note", command.amount());
    apply(
        new CreditNoteIssued(
            invoiceId,
            command.creditNoteId(),
            command.amount(),
            command.issuedOn(),
            command.reason(),
            open.subtract(command.amount())));
    credit.invoiceSettled(
        customerId, invoiceId, SettlementKind.CREDIT_NOTE, command.amount(), command.issuedOn());
    return result();
  }

  @CommandHandler
  public CommandResult handle(
      WriteOffInvoice command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy,
      Clock clock,
      CustomerCredit credit) {
    requireInScope(policy, user, roles);
    requireSettlement("amount", command.amount(), "writtenOffOn", command.writtenOffOn(), clock);
    requireWithinOpen("Write-off", command.amount());
    apply(
        new InvoiceWrittenOff(
            invoiceId,
            command.amount(),
            command.writtenOffOn(),
            command.reason(),
            open.subtract(command.amount())));
    credit.invoiceSettled(
        customerId, invoiceId, SettlementKind.WRITE_OFF, command.amount(), command.writtenOffOn());
    return result();
  }

  private void requireWithinOpen(String what, BigDecimal amount) {
    if (amount.compareTo(open) > 0) {
      throw Rejected.rule(
          what
              + " of "
              + amount.toPlainString()
              + " is more than the open amount "
              + open.toPlainString()
              + " of invoice "
              + invoiceId
              + ".");
    }
  }

  private void requireSettlement(
      String amountField, BigDecimal amount, String dateField, LocalDate date, Clock clock) {
    Amounts.requirePositive(amountField, amount);
    if (date.isBefore(issueDate)) {
      throw Rejected.invalid(dateField, "must not be before the invoice's issue date " + issueDate);
    }
    if (date.isAfter(LocalDate.now(clock))) {
      throw Rejected.invalid(dateField, "must not be in the future");
    }
    if (open.signum() == 0) {
      throw Rejected.conflict("Invoice " + invoiceId + " is fully settled; nothing is open.");
    }
  }

  private void requireInScope(AccessPolicy policy, String user, String roles) {
    Access.requireInScope(
        policy, Caller.of(user, roles), Permission.MANAGE_RECEIVABLES, invoiceId, ownerRep, team);
  }

  private CommandResult result() {
    return new CommandResult(invoiceId, AggregateLifecycle.getVersion());
  }

  @EventSourcingHandler
  void on(InvoiceIssued event) {
    invoiceId = event.invoiceId();
    customerId = event.customerId();
    ownerRep = event.ownerRep();
    team = event.team();
    issueDate = event.issueDate();
    open = event.amount();
  }

  @EventSourcingHandler
  void on(PaymentReceived event) {
    paymentIds.add(event.paymentId());
    open = event.openAfter();
  }

  @EventSourcingHandler
  void on(CreditNoteIssued event) {
    creditNoteIds.add(event.creditNoteId());
    open = event.openAfter();
  }

  @EventSourcingHandler
  void on(InvoiceWrittenOff event) {
    open = event.openAfter();
  }
}
