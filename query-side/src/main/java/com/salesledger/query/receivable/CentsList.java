package com.salesledger.query.receivable;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Amounts held as whole cents and given out as {@link BigDecimal}s with two decimals, equal (as a
 * list) to a list of those BigDecimals. An ageing by customer has 16,000 groups of six amounts at
 * 10 million events; {@link AgeingGroupJson} writes them from the cents without making a BigDecimal
 * or its string for each.
 */
final class CentsList extends AbstractList<BigDecimal> implements RandomAccess {

  private final long[] cents;
  private final long totalCents;
  private final BigDecimal total;

  /** Takes {@code cents} as it is: the caller hands it over and never changes it again. */
  CentsList(long[] cents) {
    this.cents = cents;
    long sum = 0;
    for (long amount : cents) {
      sum = Math.addExact(sum, amount);
    }
    this.totalCents = sum;
    this.total = BigDecimal.valueOf(sum, 2);
  }

  /** The sum of the amounts; the same instance each time, so a writer can tell it is this sum. */
  BigDecimal total() {
    return total;
  }

  long totalCents() {
    return totalCents;
  }

  @Override
  public BigDecimal get(int index) {
    return BigDecimal.valueOf(cents[index], 2);
  }

  /** The amounts in cents, not to be changed (they are this list's). */
  long[] cents() {
    return cents;
  }

  @Override
  public int size() {
    return cents.length;
  }
}
