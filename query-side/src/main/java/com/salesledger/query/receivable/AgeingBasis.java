package com.salesledger.query.receivable;

import java.util.Locale;

/** What an invoice's age is counted from: its due date (days overdue) or its issue date. */
public enum AgeingBasis {
  DUE("due_date"),
  INVOICE("issue_date");

  final String column;

  AgeingBasis(String column) {
    this.column = column;
  }

  static AgeingBasis parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "due" -> DUE;
      case "invoice" -> INVOICE;
      default -> throw new IllegalArgumentException(text);
    };
  }
}
