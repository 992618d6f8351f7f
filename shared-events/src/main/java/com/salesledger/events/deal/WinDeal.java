package com.salesledger.events.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record WinDeal(
    @TargetAggregateIdentifier String dealId,
    BigDecimal finalAmount,
    BigDecimal cost,
    LocalDate closeDate,
    @TargetAggregateVersion Long expectedVersion) {}
