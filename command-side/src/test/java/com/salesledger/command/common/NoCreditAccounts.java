package com.salesledger.command.common;

import com.salesledger.command.deal.CreditCheckOnWin;
import com.salesledger.command.receivable.CustomerCredit;
import com.salesledger.events.credit.CreditCheck;
import com.salesledger.events.credit.SettlementKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Credit as for customers without a credit account: nothing is checked, the flat default terms
 * apply. For fixtures about deals and invoices alone; the credit rules have fixtures of their own.
 */
public final class NoCreditAccounts implements CreditCheckOnWin, CustomerCredit {

  private final LocalDate today;

  public NoCreditAccounts(LocalDate today) {
    this.today = today;
  }

  @Override
  public CreditCheck check(String customerId, String dealId, BigDecimal amount) {
    return new CreditCheck(today, false, false, null, BigDecimal.ZERO, amount, null, 90, List.of());
  }

  @Override
  public Optional<Integer> paymentTermsOn(String customerId, LocalDate issueDate) {
    return Optional.empty();
  }

  @Override
  public void invoiceIssued(
      String customerId,
      String invoiceId,
      String dealId,
      BigDecimal amount,
      LocalDate issueDate,
      LocalDate dueDate) {}

  @Override
  public void invoiceSettled(
      String customerId,
      String invoiceId,
      SettlementKind kind,
      BigDecimal amount,
      LocalDate settledOn) {}
}
