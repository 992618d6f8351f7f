package com.salesledger.command.credit;

import com.salesledger.command.deal.CreditCheckOnWin;
import com.salesledger.command.receivable.CustomerCredit;
import com.salesledger.events.credit.CreditAccountIds;
import com.salesledger.events.credit.CreditCheck;
import com.salesledger.events.credit.SettlementKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The credit account as deals and invoices see it. Every call loads the customer's account in the
 * caller's unit of work, so the win, invoice or settlement and the account's exposure are stored in
 * one transaction; a concurrent writer of the same account makes one of them fail (409) instead of
 * both passing.
 */
@Component
public class CreditLedger implements CreditCheckOnWin, CustomerCredit {

  private final Repository<CreditAccount> accounts;
  private final EventStore eventStore;
  private final Clock clock;
  private final CreditPolicy policy;

  public CreditLedger(
      Repository<CreditAccount> accounts, EventStore eventStore, Clock clock, CreditPolicy policy) {
    this.accounts = accounts;
    this.eventStore = eventStore;
    this.clock = clock;
    this.policy = policy;
  }

  @Override
  public CreditCheck check(String customerId, String dealId, BigDecimal amount) {
    return createdIfMissing(customerId)
        .invoke(a -> a.checkWin(customerId, dealId, amount, LocalDate.now(clock), policy));
  }

  @Override
  public Optional<Integer> paymentTermsOn(String customerId, LocalDate issueDate) {
    return existing(customerId)
        .flatMap(a -> a.invoke(account -> account.paymentTermsOn(issueDate)));
  }

  @Override
  public void invoiceIssued(
      String customerId,
      String invoiceId,
      String dealId,
      BigDecimal amount,
      LocalDate issueDate,
      LocalDate dueDate) {
    createdIfMissing(customerId)
        .execute(a -> a.recordInvoice(customerId, invoiceId, dealId, amount, issueDate, dueDate));
  }

  @Override
  public void invoiceSettled(
      String customerId,
      String invoiceId,
      SettlementKind kind,
      BigDecimal amount,
      LocalDate settledOn) {
    existing(customerId)
        .ifPresent(a -> a.execute(x -> x.recordSettlement(invoiceId, kind, amount, settledOn)));
  }

  private Aggregate<CreditAccount> createdIfMissing(String customerId) {
    try {
      return accounts.loadOrCreate(CreditAccountIds.of(customerId), CreditAccount::new);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot load the credit account of " + customerId, e);
    }
  }

  /** Only a stream already stored: one started in this unit of work is not needed here. */
  private Optional<Aggregate<CreditAccount>> existing(String customerId) {
    String id = CreditAccountIds.of(customerId);
    return eventStore.lastSequenceNumberFor(id).isPresent()
        ? Optional.of(accounts.load(id))
        : Optional.empty();
  }
}
