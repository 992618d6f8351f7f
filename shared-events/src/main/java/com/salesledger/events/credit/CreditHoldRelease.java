package com.salesledger.events.credit;

/** What released a deal from credit hold. */
public enum CreditHoldRelease {
  /** A finance user released it, with a reason. */
  FINANCE,
  /** An approved limit increase made room for it (the check passed again). */
  LIMIT_INCREASE
}
