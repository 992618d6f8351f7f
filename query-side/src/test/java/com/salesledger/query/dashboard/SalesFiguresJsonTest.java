package com.salesledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.query.common.HandWrittenJson;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The hand-written dashboard row writes the very bytes Jackson wrote from the record's annotations,
 * with the settings the ledger runs with (absent values left out, Blackbird), for rows with and
 * without targets, zero denominators, negative and large amounts.
 */
class SalesFiguresJsonTest {

  private static final ObjectMapper HAND_WRITTEN = HandWrittenJson.asTheLedgerWrites();
  private static final ObjectMapper REFERENCE =
      HandWrittenJson.withoutHandWriting(SalesFigures.class);

  @Property(tries = 300)
  void a_row_is_written_as_jackson_wrote_the_record(
      @ForAll @LongRange(min = -100_000_000_000L, max = 100_000_000_000L) long revenue,
      @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long cost,
      @ForAll @IntRange(min = 0, max = 50) int won,
      @ForAll @IntRange(min = 0, max = 50) int lost,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long prior,
      @ForAll @LongRange(min = -1_000_000L, max = 1_000_000_000L) long collections,
      @ForAll @IntRange(min = 0, max = 15) int targetsSet,
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long target) {
    SalesFigures.Sums sums = new SalesFigures.Sums();
    sums.revenue = BigDecimal.valueOf(revenue, 2);
    sums.cost = BigDecimal.valueOf(cost, 2);
    sums.won = won;
    sums.lost = lost;
    sums.cycleDays = won * 17L;
    sums.newCustomers = won / 2;
    sums.priorRevenue = BigDecimal.valueOf(prior, 2);
    sums.held = lost / 3;
    sums.heldAmount = BigDecimal.valueOf(cost / 7, 2);
    sums.collections = BigDecimal.valueOf(collections, 2);
    Map<TargetMetric, BigDecimal> targets = new EnumMap<>(TargetMetric.class);
    for (TargetMetric metric : TargetMetric.values()) {
      if ((targetsSet & (1 << metric.ordinal())) != 0) {
        targets.put(metric, BigDecimal.valueOf(target, 2));
      }
    }
    SalesFigures row = sums.figures("rep-\"0071\"\u00e9", targets);

    assertThat(HandWrittenJson.write(HAND_WRITTEN, row))
        .isEqualTo(HandWrittenJson.write(REFERENCE, row));
    assertThat(HandWrittenJson.write(HAND_WRITTEN, List.of(row, row)))
        .isEqualTo(HandWrittenJson.write(REFERENCE, List.of(row, row)));
  }
}
