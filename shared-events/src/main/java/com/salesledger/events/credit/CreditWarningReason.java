package com.salesledger.events.credit;

/** Why a customer is flagged by the early warning. */
public enum CreditWarningReason {
  /** An invoice is overdue by more than the warning's number of days. */
  OVERDUE_INVOICE,
  /** Exposure passed the warning's share of the credit limit. */
  EXPOSURE_SHARE
}
