package com.salesledger.events.credit;

import java.math.BigDecimal;

/**
 * A won deal passed the credit check (or the customer has no account); its amount is now exposure.
 */
public record CreditCheckPassed(
    String customerId, String dealId, CreditCheck check, BigDecimal exposureAfter)
    implements CreditAccountEvents {}
