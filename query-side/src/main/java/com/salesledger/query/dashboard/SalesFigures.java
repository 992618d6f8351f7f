package com.salesledger.query.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.salesledger.events.target.TargetMetric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * One row of the sales dashboard, computed exactly as DESIGN.md defines each figure. Written by
 * {@link SalesFiguresJson}, which writes what these annotations describe (a test compares the two).
 * A ratio whose denominator is zero is absent (null), never zero. Ratios carry 4 decimals, day
 * counts 2, both rounded half-up; money is exact.
 */
@JsonSerialize(using = SalesFiguresJson.class)
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
  "growth",
  "heldDeals",
  "heldAmount",
  "collections",
  "target",
  "attainment",
  "metrics"
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
    BigDecimal growth,
    long heldDeals,
    BigDecimal heldAmount,
    BigDecimal collections,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal target,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal attainment,
    Map<TargetMetric, Metric> metrics) {

  /**
   * One metric's actual against its target; target and attainment are absent where no target is set
   * (attainment also where the target is zero).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"actual", "target", "attainment"})
  record Metric(BigDecimal actual, BigDecimal target, BigDecimal attainment) {
    static Metric of(BigDecimal actual, BigDecimal target) {
      return new Metric(actual, target, target == null ? null : ratio(actual, target));
    }
  }

  /** The actual of {@code metric} in this row. */
  BigDecimal actual(TargetMetric metric) {
    return switch (metric) {
      case REVENUE -> bookedRevenue;
      case GROSS_MARGIN -> grossProfit;
      case NEW_CUSTOMERS -> BigDecimal.valueOf(newCustomers);
      case COLLECTIONS -> collections;
    };
  }

  /** This row with each metric's target (a metric absent from {@code targets} has none). */
  SalesFigures withTargets(Map<TargetMetric, BigDecimal> targets) {
    Map<TargetMetric, Metric> byMetric = new EnumMap<>(TargetMetric.class);
    for (TargetMetric metric : TargetMetric.values()) {
      byMetric.put(metric, Metric.of(actual(metric), targets.get(metric)));
    }
    Metric revenue = byMetric.get(TargetMetric.REVENUE);
    return new SalesFigures(
        group,
        bookedRevenue,
        cost,
        grossProfit,
        grossMargin,
        dealsWon,
        dealsLost,
        winRate,
        newCustomers,
        meanSalesCycleDays,
        priorYearRevenue,
        growth,
        heldDeals,
        heldAmount,
        collections,
        revenue.target(),
        revenue.attainment(),
        byMetric);
  }

  /** The raw sums one group accumulates; figures are derived from them in one place. */
  static final class Sums {
    BigDecimal revenue = BigDecimal.ZERO.setScale(2);
    BigDecimal cost = BigDecimal.ZERO.setScale(2);
    long won;
    long lost;
    long cycleDays;
    long newCustomers;
    BigDecimal priorRevenue = BigDecimal.ZERO.setScale(2);
    long held;
    BigDecimal heldAmount = BigDecimal.ZERO.setScale(2);
    BigDecimal collections = BigDecimal.ZERO.setScale(2);

    void add(Sums other) {
      revenue = revenue.add(other.revenue);
      cost = cost.add(other.cost);
      won += other.won;
      lost += other.lost;
      cycleDays += other.cycleDays;
      newCustomers += other.newCustomers;
      priorRevenue = priorRevenue.add(other.priorRevenue);
      held += other.held;
      heldAmount = heldAmount.add(other.heldAmount);
      collections = collections.add(other.collections);
    }

    /** Nothing to show: every sum is zero (e.g. a hold taken back, as known at an instant). */
    boolean empty() {
      return revenue.signum() == 0
          && cost.signum() == 0
          && won == 0
          && lost == 0
          && cycleDays == 0
          && newCustomers == 0
          && priorRevenue.signum() == 0
          && held == 0
          && heldAmount.signum() == 0
          && collections.signum() == 0;
    }

    /** The figures of these sums, held to {@code targets} (a metric absent there has none). */
    SalesFigures figures(String group, Map<TargetMetric, BigDecimal> targets) {
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
              ratio(revenue.subtract(priorRevenue), priorRevenue),
              held,
              heldAmount,
              collections,
              null,
              null,
              null)
          .withTargets(targets);
    }
  }

  static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0
        ? null
        : numerator.divide(denominator, 4, RoundingMode.HALF_UP);
  }
}
