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
    long updatedAtPosition) {}
