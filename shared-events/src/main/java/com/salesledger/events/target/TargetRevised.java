package com.salesledger.events.target;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A revision applies from {@code effectiveFrom}: at once ({@code approvedBy} null, {@code reason}
 * the requester's) or on approval ({@code reason} the approver's); in force from this event's
 * instant.
 */
public record TargetRevised(
    String targetId,
    String revisionId,
    BigDecimal previousAmount,
    BigDecimal amount,
    LocalDate effectiveFrom,
    String requestedBy,
    String approvedBy,
    String reason)
    implements TargetEvents {}
