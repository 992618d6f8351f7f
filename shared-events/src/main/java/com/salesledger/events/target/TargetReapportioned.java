package com.salesledger.events.target;

import java.math.BigDecimal;

/**
 * An existing target got a new amount from a decomposition of {@code parentId} (again, or for the
 * first time when it was set on its own before): it applies from the period's start.
 */
public record TargetReapportioned(
    String targetId,
    String revisionId,
    String parentId,
    BigDecimal previousAmount,
    BigDecimal amount,
    String by,
    String reason)
    implements TargetEvents {}
