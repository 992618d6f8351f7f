package com.salesledger.query.dashboard;

import com.salesledger.events.common.Period;
import com.salesledger.platform.security.DataScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's sums of present roll-up rows held in memory ({@link PresentSumsInMemory}), by the
 * rules its SQL reading states: only rows within the caller's scope ({@link DataScope#covers}; a
 * team roll-up's rows by their team, as its SQL filter reads the team column for both), the same
 * group keys, the year before's revenue counted in the same month of the period, and collections
 * without a product line in the total only.
 */
final class HeldRowSums {

  private HeldRowSums() {}

  /**
   * Adds the sums of {@code rows} (of the period and the year before) per group to {@code groups},
   * and the product-line-less collections to {@code unattributed}.
   */
  static void add(
      List<PresentSumsInMemory.Row> rows,
      Period period,
      GroupBy groupBy,
      DataScope scope,
      Map<String, SalesFigures.Sums> groups,
      SalesFigures.Sums unattributed) {
    // each group's sums in whole cents and counts, then the year before's revenue
    Map<String, long[]> byGroup = new HashMap<>();
    long[] none = new long[PRIOR_REVENUE + 1];
    Map<LocalDate, String> monthKeys = new HashMap<>();
    for (PresentSumsInMemory.Row row : rows) {
      String rep = row.rep() != null ? row.rep() : row.team();
      if (!scope.covers(rep, row.team())) {
        continue;
      }
      boolean current = !row.period().isBefore(period.start());
      String key =
          switch (groupBy) {
            case REP -> row.rep();
            case TEAM -> row.team();
            case REGION -> row.region();
            case PRODUCT_LINE -> row.line();
            case MONTH ->
                monthKeys.computeIfAbsent(
                    row.period(), m -> YearMonth.from(m).plusYears(current ? 0 : 1).toString());
          };
      boolean unattributedLine = groupBy == GroupBy.PRODUCT_LINE && key.isEmpty();
      if (current) {
        long[] sums =
            unattributedLine ? none : byGroup.computeIfAbsent(key, k -> new long[none.length]);
        for (int i = 0; i < PresentSumsInMemory.SUMS; i++) {
          sums[i] = Math.addExact(sums[i], row.sums()[i]);
        }
      } else if (!unattributedLine) {
        long[] sums = byGroup.computeIfAbsent(key, k -> new long[none.length]);
        sums[PRIOR_REVENUE] =
            Math.addExact(sums[PRIOR_REVENUE], row.sums()[PresentSumsInMemory.REVENUE]);
      }
    }
    byGroup.forEach((key, sums) -> groups.put(key, sumsOf(sums)));
    unattributed.add(sumsOf(none));
  }

  /** Where the year before's revenue is summed, after a row's own sums. */
  private static final int PRIOR_REVENUE = PresentSumsInMemory.SUMS;

  /** Sums in whole cents and counts (then the year before's revenue) as the dashboard's sums. */
  private static SalesFigures.Sums sumsOf(long[] cents) {
    SalesFigures.Sums sums = new SalesFigures.Sums();
    sums.revenue = BigDecimal.valueOf(cents[PresentSumsInMemory.REVENUE], 2);
    sums.cost = BigDecimal.valueOf(cents[PresentSumsInMemory.COST], 2);
    sums.won = cents[PresentSumsInMemory.WON];
    sums.lost = cents[PresentSumsInMemory.LOST];
    sums.cycleDays = cents[PresentSumsInMemory.CYCLE_DAYS];
    sums.held = cents[PresentSumsInMemory.HELD];
    sums.heldAmount = BigDecimal.valueOf(cents[PresentSumsInMemory.HELD_AMOUNT], 2);
    sums.collections = BigDecimal.valueOf(cents[PresentSumsInMemory.COLLECTIONS], 2);
    sums.newCustomers = cents[PresentSumsInMemory.NEW_CUSTOMERS];
    sums.priorRevenue = BigDecimal.valueOf(cents[PRIOR_REVENUE], 2);
    return sums;
  }
}
