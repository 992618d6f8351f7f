package com.salesledger.events.deal;

import com.salesledger.events.credit.CreditHoldRelease;

/** The deal left credit hold; a {@link DealWon} with its original figures follows at once. */
public record DealCreditHoldReleased(
    String dealId, String customerId, CreditHoldRelease cause, String reason)
    implements DealEvents {}
