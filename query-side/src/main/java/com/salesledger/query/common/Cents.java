package com.salesledger.query.common;

import java.math.BigDecimal;

/** Amounts of the read models (numeric, 2 decimals) as whole cents. */
public final class Cents {

  private Cents() {}

  /**
   * The whole cents of {@code amount}; a fraction of a cent is refused (ArithmeticException) rather
   * than rounded away. Null (an amount that is not there) is zero.
   */
  public static long of(BigDecimal amount) {
    return amount == null ? 0 : amount.movePointRight(2).longValueExact();
  }
}
