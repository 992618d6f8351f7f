package com.salesledger.query.credit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's credit account as it stood at {@code asOf}: the terms then in force and the exposure
 * the account had recorded by then; available = limit − exposure (negative when over the limit).
 * {@code position} and {@code validFrom} name the event that put the account in this state.
 */
public record CreditAccountView(
    String customerId,
    Instant asOf,
    String rating,
    BigDecimal limit,
    String currency,
    int paymentTermsDays,
    boolean onHold,
    String holdReason,
    Instant heldSince,
    BigDecimal exposure,
    BigDecimal available,
    long position,
    Instant validFrom) {}
