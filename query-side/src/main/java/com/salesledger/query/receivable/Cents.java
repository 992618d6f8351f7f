package com.salesledger.query.receivable;

import java.math.BigDecimal;

/** Amounts of the receivables read model (numeric, 2 decimals) as whole cents. */
final class Cents {

  private Cents() {}

  /**
   * The whole cents of {@code amount}; a fraction of a cent is refused (ArithmeticException) rather
   * than rounded away. Null (an amount that is not there) is zero.
   */
  static long of(BigDecimal amount) {
    return amount == null ? 0 : amount.movePointRight(2).longValueExact();
  }
}
