package com.salesledger.events.deal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Moves an open deal to another rep; {@code team} and {@code region}, when absent, are the new
 * owner's in the organisation today (when given they must be those).
 */
public record ReassignDeal(
    @TargetAggregateIdentifier String dealId,
    String ownerRep,
    String team,
    String region,
    String reason,
    @TargetAggregateVersion Long expectedVersion) {}
