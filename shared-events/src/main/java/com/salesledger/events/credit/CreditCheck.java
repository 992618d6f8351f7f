package com.salesledger.events.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The credit check of a won deal and the figures it was decided on. {@code accountOpen} false: the
 * customer has no credit account, so nothing was checked ({@code limit} is then null). {@code
 * exposure} is before this deal; {@code oldestOverdue} is null when nothing is overdue. The deal
 * passed when {@code failedRules} is empty.
 */
public record CreditCheck(
    LocalDate checkedOn,
    boolean accountOpen,
    boolean accountOnHold,
    BigDecimal limit,
    BigDecimal exposure,
    BigDecimal dealAmount,
    OverdueInvoice oldestOverdue,
    int overdueDaysAllowed,
    List<CreditHoldReason> failedRules) {

  public CreditCheck {
    failedRules = List.copyOf(failedRules);
  }

  public boolean passed() {
    return failedRules.isEmpty();
  }
}
