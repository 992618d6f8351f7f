package com.salesledger.query.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal as the query side answers it. Money fields are in {@code currency}; {@code
 * updatedAtPosition} is the read model's position when this deal last changed (at or after the
 * position of the deal's last event).
 */
public record DealView(
    String dealId,
    String customerId,
    String ownerRep,
    String team,
    String region,
    String productLine,
    BigDecimal amount,
    String currency,
    LocalDate expectedCloseDate,
    LocalDate openedOn,
    String stage,
    String status,
    BigDecimal finalAmount,
    BigDecimal cost,
    LocalDate closeDate,
    String lostReason,
    BigDecimal invoicedTotal,
    long version,
    long updatedAtPosition,
    Instant updatedAt) {}
