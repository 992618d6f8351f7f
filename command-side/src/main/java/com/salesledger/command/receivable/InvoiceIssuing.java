package com.salesledger.command.receivable;

import com.salesledger.command.common.Access;
import com.salesledger.command.common.Caller;
import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.command.deal.Deal;
import com.salesledger.command.deal.InvoiceClaim;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.receivable.IssueInvoice;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Actor;
import com.salesledger.platform.security.Permission;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issues an invoice: the deal claims the amount (so instalments never exceed its final amount), the
 * invoice is created and the customer's credit account records the receivable, all in one unit of
 * work and one database transaction. Without a given due date the invoice is due after the
 * account's payment terms in effect on the issue date, or the flat default for a customer without
 * an account.
 */
@Component
public class InvoiceIssuing {

  private final Repository<Deal> deals;
  private final Repository<Invoice> invoices;
  private final IssuedInvoices issuedInvoices;
  private final CustomerCredit credit;
  private final int defaultTermsDays;

  public InvoiceIssuing(
      Repository<Deal> deals,
      Repository<Invoice> invoices,
      IssuedInvoices issuedInvoices,
      CustomerCredit credit,
      @Value("${ledger.receivables.default-payment-terms-days:30}") int defaultTermsDays) {
    this.deals = deals;
    this.invoices = invoices;
    this.issuedInvoices = issuedInvoices;
    this.credit = credit;
    this.defaultTermsDays = defaultTermsDays;
  }

  @CommandHandler
  public CommandResult handle(
      IssueInvoice command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy,
      Clock clock)
      throws Exception {
    Actor actor = Caller.of(user, roles);
    Access.requirePermission(policy, actor, Permission.MANAGE_RECEIVABLES);
    if (command.issueDate().isAfter(LocalDate.now(clock))) {
      throw Rejected.invalid("issueDate", "must not be in the future");
    }
    if (issuedInvoices.contains(command.invoiceId())) {
      throw Rejected.conflict("Invoice " + command.invoiceId() + " already exists.");
    }
    Aggregate<Deal> deal = load(command.dealId());
    if (!deal.invoke(d -> d.isWithin(policy.scopeOf(actor)))) {
      throw unknownDeal(command.dealId());
    }
    InvoiceClaim claim =
        deal.invoke(
            d -> d.claimForInvoice(command.invoiceId(), command.amount(), command.issueDate()));
    LocalDate dueDate =
        command.dueDate() != null
            ? command.dueDate()
            : command
                .issueDate()
                .plusDays(
                    credit
                        .paymentTermsOn(claim.customerId(), command.issueDate())
                        .orElse(defaultTermsDays));
    Aggregate<Invoice> invoice =
        invoices.newInstance(
            () ->
                new Invoice(
                    command.invoiceId(), claim, command.amount(), command.issueDate(), dueDate));
    credit.invoiceIssued(
        claim.customerId(),
        command.invoiceId(),
        command.dealId(),
        command.amount(),
        command.issueDate(),
        dueDate);
    return new CommandResult(command.invoiceId(), invoice.version());
  }

  private Aggregate<Deal> load(String dealId) {
    try {
      return deals.load(dealId);
    } catch (AggregateNotFoundException e) {
      throw unknownDeal(dealId);
    }
  }

  /** The same answer for a deal that does not exist and one outside the caller's scope. */
  private static Rejected unknownDeal(String dealId) {
    return Rejected.rule("Deal " + dealId + " does not exist.");
  }
}
