package com.salesledger.command.common;

import java.math.BigDecimal;

/** Field rules for money that every aggregate applies the same way. */
public final class Amounts {

  /** Minor units of the reporting currency; more decimals would be silently rounded later. */
  public static final int MAX_SCALE = 2;

  private Amounts() {}

  public static void requirePositive(String field, BigDecimal amount) {
    requireScale(field, amount);
    if (amount.signum() <= 0) {
      throw Rejected.invalid(field, "must be greater than 0");
    }
  }

  public static void requireNotNegative(String field, BigDecimal amount) {
    requireScale(field, amount);
    if (amount.signum() < 0) {
      throw Rejected.invalid(field, "must not be negative");
    }
  }

  private static void requireScale(String field, BigDecimal amount) {
    if (amount == null) {
      throw Rejected.invalid(field, "is required");
    }
    if (amount.stripTrailingZeros().scale() > MAX_SCALE) {
      throw Rejected.invalid(field, "must have at most " + MAX_SCALE + " decimal places");
    }
    if (amount.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
      throw Rejected.invalid(field, "must be less than 1,000,000,000,000");
    }
  }
}
