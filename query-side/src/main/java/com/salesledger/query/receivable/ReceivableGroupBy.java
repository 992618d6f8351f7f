package com.salesledger.query.receivable;

import java.util.Locale;

/** How receivables are grouped: by the invoice's customer, owner rep, team or region. */
public enum ReceivableGroupBy {
  CUSTOMER("customer_id"),
  REP("owner_rep"),
  TEAM("team"),
  REGION("region");

  final String column;

  ReceivableGroupBy(String column) {
    this.column = column;
  }

  static ReceivableGroupBy parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "customer" -> CUSTOMER;
      case "rep" -> REP;
      case "team" -> TEAM;
      case "region" -> REGION;
      default -> throw new IllegalArgumentException(text);
    };
  }
}
