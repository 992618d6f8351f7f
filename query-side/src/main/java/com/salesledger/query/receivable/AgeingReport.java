package com.salesledger.query.receivable;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Open receivables as of a date, per group and bucket; each group's open total and the grand total
 * are the sums of their buckets, so buckets always add up to the open total.
 */
public record AgeingReport(
    LocalDate asOf,
    String basis,
    String groupBy,
    List<String> buckets,
    String scope,
    List<Group> groups,
    Group total) {

  /**
   * One group's open total and its amount in each bucket (in the order of {@code buckets}), written
   * by {@link AgeingGroupJson}.
   */
  @JsonSerialize(using = AgeingGroupJson.class)
  public record Group(String key, BigDecimal open, List<BigDecimal> amounts) {

    /** A group from its buckets in whole cents; its open total is their sum. */
    static Group ofCents(String key, long[] cents) {
      CentsList amounts = new CentsList(cents);
      return new Group(key, amounts.total(), amounts);
    }
  }
}
