package com.salesledger.events.credit;

import java.math.BigDecimal;

/** A limit increase waits for a second finance user's approval. */
public record CreditLimitIncreaseRequested(
    String customerId,
    String requestId,
    BigDecimal currentLimit,
    BigDecimal requestedLimit,
    String requestedBy,
    String reason)
    implements CreditAccountEvents {}
