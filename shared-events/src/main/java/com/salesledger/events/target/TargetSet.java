package com.salesledger.events.target;

import com.salesledger.events.common.Period;
import java.math.BigDecimal;

/**
 * A target was set, directly ({@code parentId} null) or by decomposing {@code parentId}. {@code
 * teamOfRep} is a REP target's team on the period's first day (for data scopes), else null. The
 * amount applies from the period's start; {@code currency} is null for NEW_CUSTOMERS (a count).
 */
public record TargetSet(
    String targetId,
    String revisionId,
    TargetScope scope,
    Period period,
    TargetMetric metric,
    BigDecimal amount,
    String currency,
    String teamOfRep,
    String parentId,
    String setBy,
    String reason)
    implements TargetEvents {}
