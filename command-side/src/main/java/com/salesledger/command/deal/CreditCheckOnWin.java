package com.salesledger.command.deal;

import com.salesledger.events.credit.CreditCheck;
import java.math.BigDecimal;

/**
 * The customer's credit check, as a deal being won needs it. The implementation (the credit
 * feature) decides and records the outcome on the customer's credit account in the current unit of
 * work, so the win and the check commit together or not at all.
 */
public interface CreditCheckOnWin {

  CreditCheck check(String customerId, String dealId, BigDecimal amount);
}
