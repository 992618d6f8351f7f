package com.salesledger.command.credit;

import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.credit.CreditAccountOpened;
import com.salesledger.events.credit.CreditCheck;
import com.salesledger.events.credit.CreditCheckPassed;
import com.salesledger.events.credit.CreditRating;
import com.salesledger.events.credit.ReceivableRecorded;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The history the credit fixtures share: customer cust-1, "today" 2026-06-30. */
final class CreditHistory {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
  static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
  static final LocalDate OPENED_ON = LocalDate.of(2026, 1, 5);
  static final String CUSTOMER = "cust-1";
  static final String ACCOUNT = "credit-account/cust-1";
  static final CreditPolicy POLICY = CreditPolicy.defaults();

  static final Map<String, Object> FINANCE1 = caller("finance1", "FINANCE");
  static final Map<String, Object> FINANCE2 = caller("finance2", "FINANCE");
  static final Map<String, Object> ADMIN = caller("admin", "ADMIN");
  static final Map<String, Object> REP = caller("rep1", "REP");
  static final Map<String, Object> SYSTEM = caller("system", "SYSTEM");

  private CreditHistory() {}

  static Map<String, Object> caller(String user, String roles) {
    return Map.of(LedgerMetaData.USER, user, LedgerMetaData.ROLES, roles);
  }

  static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  /** Rating B, limit 10,000.00, 30 days, opened 2026-01-05 with nothing owed. */
  static CreditAccountOpened opened() {
    return opened("10000.00");
  }

  static CreditAccountOpened opened(String limit) {
    return new CreditAccountOpened(
        CUSTOMER, CreditRating.B, money(limit), "EUR", 30, OPENED_ON, BigDecimal.ZERO);
  }

  /** A check that passed against the given exposure (before the deal). */
  static CreditCheck passedCheck(String limit, String exposure, String amount) {
    return new CreditCheck(
        TODAY, true, false, money(limit), money(exposure), money(amount), null, 90, List.of());
  }

  static CreditCheckPassed won(String dealId, String amount, String exposureBefore) {
    return new CreditCheckPassed(
        CUSTOMER,
        dealId,
        passedCheck("10000.00", exposureBefore, amount),
        money(exposureBefore).add(money(amount)));
  }

  static ReceivableRecorded invoiced(
      String invoiceId, String dealId, String amount, LocalDate dueDate, String exposureAfter) {
    return new ReceivableRecorded(
        CUSTOMER,
        invoiceId,
        dealId,
        money(amount),
        dueDate.minusDays(30),
        dueDate,
        money(exposureAfter));
  }
}
