package com.salesledger.query.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesledger.query.common.HandWrittenJson;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The hand-written ageing group writes the very bytes Jackson wrote from the record, with the
 * settings the ledger runs with (absent values left out, Blackbird): amounts held in cents of every
 * size and sign, amounts given as BigDecimals of any scale, absent ones.
 */
class AgeingGroupJsonTest {

  private static final ObjectMapper HAND_WRITTEN = HandWrittenJson.asTheLedgerWrites();
  private static final ObjectMapper REFERENCE =
      HandWrittenJson.withoutHandWriting(AgeingReport.Group.class);

  @Provide
  Arbitrary<Long> cents() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-1_000, 1_000),
        Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
        Arbitraries.longs(),
        Arbitraries.of(0L, 1L, -1L, 9L, 10L, -10L, 99L, 100L, -100L, Long.MIN_VALUE));
  }

  @Property(tries = 500)
  void a_group_in_cents_is_written_as_jackson_wrote_the_record(
      @ForAll @Size(min = 1, max = 8) List<@From("cents") Long> amounts) {
    // buckets whose sum stays within a long, as the ageing's exact sums guarantee
    long[] cents = amounts.stream().mapToLong(Long::longValue).toArray();
    long[] summable = sumsWithinLong(cents);
    AgeingReport.Group group = AgeingReport.Group.ofCents("CUST-\"7\"\u00e9\u0001", summable);

    assertThat(HandWrittenJson.write(HAND_WRITTEN, group))
        .isEqualTo(HandWrittenJson.write(REFERENCE, group));
    assertThat(HandWrittenJson.write(HAND_WRITTEN, List.of(group, group)))
        .isEqualTo(HandWrittenJson.write(REFERENCE, List.of(group, group)));
  }

  @Test
  void a_group_of_bigdecimals_absent_values_included_is_written_as_the_record() {
    AgeingReport.Group group =
        new AgeingReport.Group(
            null,
            new BigDecimal("12.5"),
            Arrays.asList(new BigDecimal("1E+3"), null, new BigDecimal("-0.001")));
    AgeingReport.Group noAmounts = new AgeingReport.Group("total", null, null);

    assertThat(HandWrittenJson.write(HAND_WRITTEN, group))
        .isEqualTo(HandWrittenJson.write(REFERENCE, group));
    assertThat(HandWrittenJson.write(HAND_WRITTEN, noAmounts))
        .isEqualTo(HandWrittenJson.write(REFERENCE, noAmounts));
  }

  @Test
  void a_group_in_cents_equals_the_same_group_of_bigdecimals() {
    AgeingReport.Group inCents = AgeingReport.Group.ofCents("c", new long[] {0, 5, -120, 1234});
    AgeingReport.Group inDecimals =
        new AgeingReport.Group(
            "c",
            new BigDecimal("11.19"),
            List.of(
                new BigDecimal("0.00"),
                new BigDecimal("0.05"),
                new BigDecimal("-1.20"),
                new BigDecimal("12.34")));

    assertThat(inCents).isEqualTo(inDecimals);
    assertThat(inCents.hashCode()).isEqualTo(inDecimals.hashCode());
  }

  /** The amounts, each replaced by zero where adding it would leave a long. */
  private static long[] sumsWithinLong(long[] cents) {
    long sum = 0;
    long[] kept = cents.clone();
    for (int i = 0; i < kept.length; i++) {
      try {
        sum = Math.addExact(sum, kept[i]);
      } catch (ArithmeticException e) {
        kept[i] = 0;
      }
    }
    return kept;
  }
}
