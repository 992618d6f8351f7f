package com.salesledger.events.credit;

/** A customer's credit rating, A (best) to D. */
public enum CreditRating {
  A,
  B,
  C,
  D
}
