package com.salesledger.events.target;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A waiting revision was turned down; the target stays as it was. */
public record TargetRevisionRejected(
    String targetId,
    String revisionId,
    BigDecimal amount,
    LocalDate effectiveFrom,
    String requestedBy,
    String rejectedBy,
    String reason)
    implements TargetEvents {}
