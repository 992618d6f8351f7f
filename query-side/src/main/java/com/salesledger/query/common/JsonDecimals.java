package com.salesledger.query.common;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Decimal numbers written as Jackson writes a {@link BigDecimal} ({@link BigDecimal#toString()}),
 * from the digits: the large answers (2,000 dashboard rows of 25 amounts, 16,000 ageing groups of
 * 7) spent a fifth of their time making each amount's string. A number with up to 18 digits and 0
 * to 6 decimals is written from its unscaled value; {@code toString} writes those without an
 * exponent (it uses one only below 10^-6 or for a negative scale), so the characters are the same.
 * Any other is written by Jackson.
 */
public final class JsonDecimals {

  /** The most decimals written from the digits; toString writes 7 or more with an exponent. */
  private static final int MOST_DECIMALS = 6;

  /** The most digits of an unscaled value that surely fits a long. */
  private static final int MOST_DIGITS = 18;

  /** Room for a sign, 18 digits, a point and leading zeros: "-0.000001" is the longest pad. */
  private static final int LONGEST = 32;

  private final char[] digits = new char[LONGEST];

  /** A writer of numbers for one answer (it reuses one buffer; not shared between threads). */
  public JsonDecimals() {}

  /** Writes {@code value} as a JSON number, exactly as {@code value.toString()}. */
  public void write(JsonGenerator json, BigDecimal value) throws IOException {
    int scale = value.scale();
    if (scale < 0 || scale > MOST_DECIMALS || value.precision() > MOST_DIGITS) {
      json.writeNumber(value);
      return;
    }
    // the same digits at scale 0: for a BigDecimal held as a long (the ledger's) this reads the
    // long itself, where unscaledValue() made a BigInteger of it for every amount
    write(json, value.scaleByPowerOfTen(scale).longValueExact(), scale);
  }

  /** Writes whole cents as BigDecimal.valueOf(cents, 2).toString() writes them: "-0.05". */
  public void writeCents(JsonGenerator json, long cents) throws IOException {
    if (cents == Long.MIN_VALUE) {
      json.writeNumber(BigDecimal.valueOf(cents, 2)); // its magnitude has no long
      return;
    }
    write(json, cents, 2);
  }

  /** {@code unscaled} x 10^-{@code scale}, for a scale of 0 to 6 and |unscaled| < 2^63. */
  private void write(JsonGenerator json, long unscaled, int scale) throws IOException {
    long rest = Math.abs(unscaled);
    int at = LONGEST;
    for (int i = 0; i < scale; i++) {
      digits[--at] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    if (scale > 0) {
      digits[--at] = '.';
    }
    do {
      digits[--at] = (char) ('0' + rest % 10);
      rest /= 10;
    } while (rest > 0);
    if (unscaled < 0) {
      digits[--at] = '-';
    }
    json.writeNumber(digits, at, LONGEST - at);
  }
}
