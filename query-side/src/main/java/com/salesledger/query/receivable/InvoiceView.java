package com.salesledger.query.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice as of a date: open = amount − paid − credited − written off, counting only what
 * happened on or before {@code asOf}; days overdue = asOf − due date while anything is open.
 */
public record InvoiceView(
    String invoiceId,
    String dealId,
    String customerId,
    String ownerRep,
    String team,
    String region,
    String currency,
    LocalDate issueDate,
    LocalDate dueDate,
    LocalDate asOf,
    BigDecimal amount,
    BigDecimal paid,
    BigDecimal credited,
    BigDecimal writtenOff,
    BigDecimal open,
    long daysOverdue,
    String status,
    long version,
    long updatedAtPosition) {

  /** Settled (with or without a write-off), overdue or open, from the as-of figures. */
  static String status(BigDecimal open, long overdue, BigDecimal writtenOff) {
    if (open.signum() == 0) {
      return writtenOff.signum() > 0 ? "CLOSED_WITH_WRITE_OFF" : "SETTLED";
    }
    return overdue > 0 ? "OVERDUE" : "OPEN";
  }
}
