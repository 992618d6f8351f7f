package com.salesledger.events.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice for a won deal; attribution copied from the deal at win time. */
public record InvoiceIssued(
    String invoiceId,
    String dealId,
    String customerId,
    String ownerRep,
    String team,
    String region,
    BigDecimal amount,
    String currency,
    LocalDate issueDate,
    LocalDate dueDate)
    implements InvoiceEvents {}
