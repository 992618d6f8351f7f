package com.salesledger.events.deal;

import com.salesledger.events.credit.CreditCheck;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The deal was won but failed the credit check: it is held, not booked, until finance releases it
 * or a limit increase makes room ({@link DealCreditHoldReleased}, then {@link DealWon}). Carries
 * everything {@link DealWon} will, and the check with its reasons and figures.
 */
public record DealPutOnCreditHold(
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
    LocalDate closeDate,
    CreditCheck check)
    implements DealEvents {}
