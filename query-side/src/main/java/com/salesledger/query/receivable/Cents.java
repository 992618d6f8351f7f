package com.salesledger.query.receivable;

import java.math.BigDecimal;

/** Amounts as PostgreSQL writes numeric values in text, turned into whole cents. */
final class Cents {

  private Cents() {}

  /**
   * The whole cents of an amount such as {@code 1234.5}, {@code -0.07} or {@code 12}; anything else
   * (an exponent, a third decimal) goes through BigDecimal, which refuses a fraction of a cent
   * rather than rounding it away. Null (an amount that is not there) is zero.
   */
  static long parse(String text) {
    if (text == null) {
      return 0;
    }
    int length = text.length();
    int i = 0;
    boolean negative = length > 0 && text.charAt(0) == '-';
    if (negative) {
      i++;
    }
    long cents = 0;
    int digits = 0;
    int decimals = -1;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && digits < 17 && decimals < 2) {
        cents = cents * 10 + (c - '0');
        digits++;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (c == '.' && decimals < 0 && digits > 0) {
        decimals = 0;
      } else {
        return slow(text);
      }
    }
    if (digits == 0) {
      return slow(text);
    }
    for (int d = Math.max(decimals, 0); d < 2; d++) {
      cents *= 10;
    }
    return negative ? -cents : cents;
  }

  private static long slow(String text) {
    return new BigDecimal(text).movePointRight(2).longValueExact();
  }
}
