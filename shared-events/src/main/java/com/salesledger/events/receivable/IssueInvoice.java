package com.salesledger.events.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues an invoice (one instalment) for a won deal; {@code dueDate} null means the default terms.
 */
public record IssueInvoice(
    @TargetAggregateIdentifier String invoiceId,
    String dealId,
    BigDecimal amount,
    LocalDate issueDate,
    LocalDate dueDate) {}
