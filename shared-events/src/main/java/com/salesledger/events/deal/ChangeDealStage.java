package com.salesledger.events.deal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ChangeDealStage(
    @TargetAggregateIdentifier String dealId,
    DealStage stage,
    @TargetAggregateVersion Long expectedVersion) {}
