package com.salesledger.command.history;

/**
 * Size and seed of a generated sales department. The same shape gives the same history (dates are
 * relative to the day it is generated).
 *
 * @param deals how many deals to open over the whole history (about five events each)
 * @param years how many years of history, ending today
 * @param customers how many customers
 * @param teams how many sales teams (spread over regions)
 * @param repsPerTeam how many reps in each team
 * @param seed random seed
 */
public record HistoryShape(
    int deals, int years, int customers, int teams, int repsPerTeam, long seed) {

  public HistoryShape {
    if (deals < 1 || years < 1 || customers < 1 || teams < 1 || repsPerTeam < 1) {
      throw new IllegalArgumentException("every size of a history must be at least 1");
    }
  }

  /**
   * The department of ../shared/DESIGN.md scaled to {@code deals}: 2,000 reps in 200 teams, and a
   * customer for every 15 deals, so that the full scale of 10 million events (about 1.54 million
   * deals at 6.5 events each, as measured) has the design's 100,000 customers.
   */
  public static HistoryShape designScale(int deals, long seed) {
    return new HistoryShape(deals, 5, Math.max(1, Math.min(100_000, deals / 15)), 200, 10, seed);
  }
}
