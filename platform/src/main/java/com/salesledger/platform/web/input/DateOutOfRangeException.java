package com.salesledger.platform.web.input;

/** A date in a query parameter that is unreadable or outside the {@link DateRange}. */
public class DateOutOfRangeException extends IllegalArgumentException {

  public DateOutOfRangeException(String rule) {
    super(rule);
  }
}
