package com.salesledger.events.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a year ({@code 2026}), a quarter ({@code 2026-Q1}) or a month ({@code
 * 2026-03}). Both ends are inclusive calendar dates in the ledger's time zone.
 */
public record Period(Kind kind, int year, int number) {

  public enum Kind {
    YEAR,
    QUARTER,
    MONTH
  }

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

  public Period {
    if (year < 1900 || year > 9999) {
      throw new IllegalArgumentException("year must be between 1900 and 9999");
    }
  }

  /** Parses {@code 2026}, {@code 2026-Q1} or {@code 2026-03}; anything else is refused. */
  public static Period parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("must be given as YYYY, YYYY-Qn or YYYY-MM");
    }
    String value = text.trim();
    Matcher m = YEAR.matcher(value);
    if (m.matches()) {
      return new Period(Kind.YEAR, Integer.parseInt(m.group(1)), 1);
    }
    m = QUARTER.matcher(value);
    if (m.matches()) {
      return new Period(Kind.QUARTER, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    m = MONTH.matcher(value);
    if (m.matches()) {
      return new Period(Kind.MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    throw new IllegalArgumentException("must be given as YYYY, YYYY-Qn or YYYY-MM");
  }

  public LocalDate start() {
    return switch (kind) {
      case YEAR -> LocalDate.of(year, 1, 1);
      case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
      case MONTH -> LocalDate.of(year, number, 1);
    };
  }

  /** The last day of the period (inclusive). */
  public LocalDate end() {
    return switch (kind) {
      case YEAR -> LocalDate.of(year, 12, 31);
      case QUARTER -> YearMonth.of(year, number * 3).atEndOfMonth();
      case MONTH -> YearMonth.of(year, number).atEndOfMonth();
    };
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start()) && !date.isAfter(end());
  }

  /** The same period one year earlier, for year-over-year comparison. */
  public Period previousYear() {
    return new Period(kind, year - 1, number);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case YEAR -> Integer.toString(year);
      case QUARTER -> year + "-Q" + number;
      case MONTH -> String.format("%d-%02d", year, number);
    };
  }
}
