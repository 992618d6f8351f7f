package com.salesledger.query.dashboard;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One row of the sales dashboard, computed exactly as DESIGN.md defines each figure. A ratio whose
 * denominator is zero is absent (null), never zero. Ratios carry 4 decimals, day counts 2, both
 * rounded half-up; money is exact.
 */
@JsonPropertyOrder({
  "group",
  "bookedRevenue",
  "cost",
  "grossProfit",
  "grossMargin",
  "dealsWon",
  "dealsLost",
  "winRate",
  "newCustomers",
  "meanSalesCycleDays",
  "priorYearRevenue",
  "growth"
})
record SalesFigures(
    String group,
    BigDecimal bookedRevenue,
    BigDecimal cost,
    BigDecimal grossProfit,
    BigDecimal grossMargin,
    long dealsWon,
    long dealsLost,
    BigDecimal winRate,
    long newCustomers,
    BigDecimal meanSalesCycleDays,
    BigDecimal priorYearRevenue,
    BigDecimal growth) {

  /** The raw sums one group accumulates; figures are derived from them in one place. */
  static final class Sums {
    BigDecimal revenue = BigDecimal.ZERO.setScale(2);
    BigDecimal cost = BigDecimal.ZERO.setScale(2);
    long won;
    long lost;
    long cycleDays;
    long newCustomers;
    BigDecimal priorRevenue = BigDecimal.ZERO.setScale(2);

    void add(Sums other) {
      revenue = revenue.add(other.revenue);
      cost = cost.add(other.cost);
      won += other.won;
      lost += other.lost;
      cycleDays += other.cycleDays;
      newCustomers += other.newCustomers;
      priorRevenue = priorRevenue.add(other.priorRevenue);
    }

    SalesFigures figures(String group) {
      BigDecimal profit = revenue.subtract(cost);
      return new SalesFigures(
          group,
          revenue,
          cost,
          profit,
          ratio(profit, revenue),
          won,
          lost,
          ratio(BigDecimal.valueOf(won), BigDecimal.valueOf(won + lost)),
          newCustomers,
          won == 0
              ? null
              : BigDecimal.valueOf(cycleDays)
                  .divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP),
          priorRevenue,
          ratio(revenue.subtract(priorRevenue), priorRevenue));
    }
  }

  static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0
        ? null
        : numerator.divide(denominator, 4, RoundingMode.HALF_UP);
  }
}
