package com.salesledger.query.credit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One thing finance has to look at: an account on hold ({@code ACCOUNT_HOLD}), a won deal on credit
 * hold awaiting release ({@code DEAL_HOLD}, with {@code dealId} and its amount) or an early warning
 * ({@code WARNING}). {@code since} is when it began; the inbox lists the oldest first.
 */
public record InboxItem(
    String kind,
    String customerId,
    String dealId,
    BigDecimal amount,
    String reason,
    Instant since,
    long position) {}
