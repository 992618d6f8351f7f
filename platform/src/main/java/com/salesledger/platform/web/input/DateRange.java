package com.salesledger.platform.web.input;

import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The calendar dates a client may send at all ({@code ledger.input.min-date} to {@code
 * ledger.input.max-date}). Business rules (e.g. "not in the future") apply on top; this range only
 * keeps absurd years out of the events and the read models.
 */
@Component
public class DateRange {

  private final LocalDate min;
  private final LocalDate max;

  public DateRange(
      @Value("${ledger.input.min-date:1900-01-01}") LocalDate min,
      @Value("${ledger.input.max-date:2999-12-31}") LocalDate max) {
    if (max.isBefore(min)) {
      throw new IllegalArgumentException("ledger.input.max-date is before ledger.input.min-date");
    }
    this.min = min;
    this.max = max;
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(min) && !date.isAfter(max);
  }

  public String rule() {
    return "must be a date from " + min + " to " + max;
  }
}
