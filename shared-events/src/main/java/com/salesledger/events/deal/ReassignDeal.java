package com.salesledger.events.deal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Moves an open deal to another rep; {@code region} null keeps the current region. */
public record ReassignDeal(
    @TargetAggregateIdentifier String dealId,
    String ownerRep,
    String team,
    String region,
    String reason,
    @TargetAggregateVersion Long expectedVersion) {}
