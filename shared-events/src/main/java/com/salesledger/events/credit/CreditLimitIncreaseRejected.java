package com.salesledger.events.credit;

import java.math.BigDecimal;

/** A pending limit increase was rejected. */
public record CreditLimitIncreaseRejected(
    String customerId,
    String requestId,
    BigDecimal requestedLimit,
    String requestedBy,
    String rejectedBy,
    String reason)
    implements CreditAccountEvents {}
