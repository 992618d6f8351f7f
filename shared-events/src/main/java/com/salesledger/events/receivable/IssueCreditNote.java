package com.salesledger.events.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record IssueCreditNote(
    @TargetAggregateIdentifier String invoiceId,
    String creditNoteId,
    BigDecimal amount,
    LocalDate issuedOn,
    String reason,
    @TargetAggregateVersion Long expectedVersion) {}
