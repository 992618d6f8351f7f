package com.salesledger.events.deal;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record LoseDeal(
    @TargetAggregateIdentifier String dealId,
    String reason,
    LocalDate closeDate,
    @TargetAggregateVersion Long expectedVersion) {}
