package com.salesledger.events.credit;

/** What reduced an invoice's open amount. */
public enum SettlementKind {
  PAYMENT,
  CREDIT_NOTE,
  WRITE_OFF
}
