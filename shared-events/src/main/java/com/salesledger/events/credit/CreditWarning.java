package com.salesledger.events.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An early warning and the figures behind it: exposure against the limit, and the most overdue open
 * invoice (null when none is overdue), as evaluated on {@code evaluatedOn}; {@code
 * pastHardThreshold}: the figures are past the threshold that holds the account automatically.
 */
public record CreditWarning(
    LocalDate evaluatedOn,
    List<CreditWarningReason> reasons,
    BigDecimal exposure,
    BigDecimal limit,
    OverdueInvoice oldestOverdue,
    boolean pastHardThreshold) {

  public CreditWarning {
    reasons = List.copyOf(reasons);
  }
}
