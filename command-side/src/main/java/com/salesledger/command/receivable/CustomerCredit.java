package com.salesledger.command.receivable;

import com.salesledger.events.credit.SettlementKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What invoicing needs from the customer's credit account: its payment terms, and keeping its
 * exposure true. The credit feature implements it; every call joins the current unit of work, so an
 * invoice and the account's exposure change together or not at all.
 */
public interface CustomerCredit {

  /** The payment terms (days) of the customer's account in effect on that date, if any. */
  Optional<Integer> paymentTermsOn(String customerId, LocalDate issueDate);

  void invoiceIssued(
      String customerId,
      String invoiceId,
      String dealId,
      BigDecimal amount,
      LocalDate issueDate,
      LocalDate dueDate);

  void invoiceSettled(
      String customerId,
      String invoiceId,
      SettlementKind kind,
      BigDecimal amount,
      LocalDate settledOn);
}
