package com.salesledger.events.deal;

import java.time.LocalDate;

/** The deal closed as lost; attribution as at close time, like {@link DealWon}. */
public record DealLost(
    String dealId,
    String customerId,
    String ownerRep,
    String team,
    String region,
    String productLine,
    String reason,
    LocalDate openedOn,
    LocalDate closeDate)
    implements DealEvents {}
