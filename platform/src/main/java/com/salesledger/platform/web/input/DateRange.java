package com.salesledger.platform.web.input;

import com.salesledger.events.common.Period;
import com.salesledger.platform.web.LedgerProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The calendar dates a client may send at all ({@code ledger.input.min-date} to {@code
 * ledger.input.max-date}). Business rules (e.g. "not in the future") apply on top; this range only
 * keeps absurd years out of the events and the read models.
 *
 * <p>Controllers that read a date, instant or period from a query parameter as text (to give their
 * own message for an unreadable one) check it here too: a year such as +999999999 is a valid Java
 * date but not a PostgreSQL one, and failed as a 500 deep in the read model.
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

  /** {@code date} itself, or a 400 naming {@code field} when it is outside the range. */
  public LocalDate require(String field, LocalDate date) {
    if (!contains(date)) {
      throw LedgerProblem.invalid(field, rule());
    }
    return date;
  }

  /**
   * {@code instant} itself, or a 400 naming {@code field} when its UTC day is outside the range.
   */
  public Instant require(String field, Instant instant) {
    if (instant.isBefore(min.atStartOfDay().toInstant(ZoneOffset.UTC))
        || !instant.isBefore(max.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
      throw LedgerProblem.invalid(
          field, "must be an instant from " + min + "T00:00:00Z to " + max + "T23:59:59Z");
    }
    return instant;
  }

  /** {@code period} itself, or a 400 naming {@code field} unless both its ends are in range. */
  public Period require(String field, Period period) {
    if (!contains(period.start()) || !contains(period.end())) {
      throw LedgerProblem.invalid(field, "must be a period within " + min + " to " + max);
    }
    return period;
  }
}
