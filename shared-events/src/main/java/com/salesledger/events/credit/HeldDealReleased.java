package com.salesledger.events.credit;

import java.math.BigDecimal;

/** A held deal was released and booked; its amount is now exposure. */
public record HeldDealReleased(
    String customerId,
    String dealId,
    BigDecimal amount,
    CreditHoldRelease cause,
    String reason,
    BigDecimal exposureAfter)
    implements CreditAccountEvents {}
