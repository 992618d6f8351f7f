package com.salesledger.command.deal;

import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.DealWon;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The deal the fixture tests start from: D-1 of rep1 in north-1, opened 2026-03-01 for 1,000.00,
 * won 2026-05-15 for 900.00 at a cost of 400.00.
 */
public final class DealHistory {

  public static final LocalDate OPENED_ON = LocalDate.of(2026, 3, 1);
  public static final LocalDate CLOSED_ON = LocalDate.of(2026, 5, 15);

  private DealHistory() {}

  public static DealOpened opened() {
    return new DealOpened(
        "D-1",
        "C-1",
        "rep1",
        "north-1",
        "north",
        "software",
        new BigDecimal("1000.00"),
        "EUR",
        LocalDate.of(2026, 9, 30),
        OPENED_ON,
        DealStage.LEAD);
  }

  public static DealWon won() {
    return new DealWon(
        "D-1",
        "C-1",
        "rep1",
        "north-1",
        "north",
        "software",
        new BigDecimal("900.00"),
        new BigDecimal("400.00"),
        "EUR",
        OPENED_ON,
        CLOSED_ON);
  }
}
