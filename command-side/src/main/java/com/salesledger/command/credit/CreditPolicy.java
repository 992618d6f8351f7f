package com.salesledger.command.credit;

import java.math.BigDecimal;

/**
 * The configurable thresholds of credit control ({@code ledger.credit.*}).
 *
 * @param checkOverdueDays a won deal is held when an invoice is overdue by more days than this
 * @param warningOverdueDays early warning: an invoice overdue by more days than this
 * @param warningExposureShare early warning: exposure above this share of the limit (0.80 = 80 %)
 * @param holdOverdueDays hard threshold (automatic hold): an invoice overdue by more days than this
 * @param holdExposureShare hard threshold (automatic hold): exposure above this share of the limit
 */
public record CreditPolicy(
    int checkOverdueDays,
    int warningOverdueDays,
    BigDecimal warningExposureShare,
    int holdOverdueDays,
    BigDecimal holdExposureShare) {

  /** The defaults of {@code command-side.properties}. */
  public static CreditPolicy defaults() {
    return new CreditPolicy(90, 60, new BigDecimal("0.80"), 120, new BigDecimal("1.20"));
  }
}
