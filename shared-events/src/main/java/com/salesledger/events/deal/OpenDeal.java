package com.salesledger.events.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a deal. {@code openedOn} and {@code currency} are filled in by the API when absent; {@code
 * team} and {@code region}, when absent, from the organisation on the open date.
 */
public record OpenDeal(
    @TargetAggregateIdentifier String dealId,
    String customerId,
    String ownerRep,
    String team,
    String region,
    String productLine,
    BigDecimal amount,
    String currency,
    LocalDate expectedCloseDate,
    LocalDate openedOn,
    DealStage stage) {}
