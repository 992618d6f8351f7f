package com.salesledger.events.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Writes off (part of) the open amount as bad debt. */
public record WriteOffInvoice(
    @TargetAggregateIdentifier String invoiceId,
    BigDecimal amount,
    LocalDate writtenOffOn,
    String reason,
    @TargetAggregateVersion Long expectedVersion) {}
