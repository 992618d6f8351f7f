package com.salesledger.events.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The deal closed as won. Owner, team, region and product line are those at win time: revenue is
 * credited to them for ever, whatever happens to the deal's ownership later.
 */
public record DealWon(
    String dealId,
    String customerId,
    String ownerRep,
    String team,
    String region,
    String productLine,
    BigDecimal finalAmount,
    BigDecimal cost,
    String currency,
    LocalDate openedOn,
    LocalDate closeDate)
    implements DealEvents {}
