package com.salesledger.events.target;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A revision above the approval threshold waits for a second person; nothing changed yet. */
public record TargetRevisionRequested(
    String targetId,
    String revisionId,
    BigDecimal currentAmount,
    BigDecimal amount,
    LocalDate effectiveFrom,
    String requestedBy,
    String reason)
    implements TargetEvents {}
