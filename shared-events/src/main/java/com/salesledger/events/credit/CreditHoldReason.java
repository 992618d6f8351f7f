package com.salesledger.events.credit;

/** Which rule of the credit check (DESIGN.md) a won deal failed. */
public enum CreditHoldReason {
  /** The customer's credit account is on hold. */
  ACCOUNT_ON_HOLD,
  /** Exposure + the deal's amount is above the credit limit. */
  OVER_LIMIT,
  /** The customer has an invoice overdue by more than the allowed number of days. */
  OVERDUE_INVOICE
}
