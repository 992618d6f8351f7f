package com.salesledger.query.receivable;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranges of an ageing report from its upper bounds, e.g. 30, 60, 90, 120: days ≤ 0 (not yet
 * due), 1–30, 31–60, 61–90, 91–120 and over 120. Every whole number of days falls in exactly one.
 */
public record AgeingBuckets(List<Integer> bounds) {

  public static final AgeingBuckets DEFAULT = new AgeingBuckets(List.of(30, 60, 90, 120));

  public AgeingBuckets {
    bounds = List.copyOf(bounds);
    if (bounds.isEmpty()) {
      throw new IllegalArgumentException("at least one bound");
    }
    int previous = 0;
    for (int bound : bounds) {
      if (bound <= previous) {
        throw new IllegalArgumentException("strictly increasing positive whole numbers");
      }
      previous = bound;
    }
  }

  /** Parses "30,60,90,120"; refuses anything but strictly increasing positive whole numbers. */
  static AgeingBuckets parse(String text) {
    List<Integer> bounds = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      // ASCII digits only: Integer.parseInt would also take "+30" and digits of other scripts
      String days = part.trim();
      if (!days.matches("[0-9]{1,9}")) {
        throw new IllegalArgumentException("not a whole number of days: " + part);
      }
      bounds.add(Integer.parseInt(days));
    }
    return new AgeingBuckets(bounds);
  }

  /** How many buckets: one before the first bound, one per range, one after the last. */
  public int count() {
    return bounds.size() + 2;
  }

  /** Which bucket an age of {@code days} falls in. */
  public int indexOf(long days) {
    if (days <= 0) {
      return 0;
    }
    for (int i = 0; i < bounds.size(); i++) {
      if (days <= bounds.get(i)) {
        return i + 1;
      }
    }
    return bounds.size() + 1;
  }

  /** The buckets' names: "not yet due" (or "0" for invoice date), "1-30", ..., "over 120". */
  public List<String> labels(AgeingBasis basis) {
    List<String> labels = new ArrayList<>();
    labels.add(basis == AgeingBasis.DUE ? "not yet due" : "0");
    int from = 1;
    for (int bound : bounds) {
      labels.add(from + "-" + bound);
      from = bound + 1;
    }
    labels.add("over " + bounds.get(bounds.size() - 1));
    return labels;
  }
}
