package com.salesledger.events.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The customer's most overdue open invoice on a given day. */
public record OverdueInvoice(
    String invoiceId, LocalDate dueDate, BigDecimal open, long daysOverdue) {}
