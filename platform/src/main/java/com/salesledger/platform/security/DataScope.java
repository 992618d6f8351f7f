package com.salesledger.platform.security;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The records a caller may see and act on: everything, or those owned by the listed reps or
 * attributed to the listed teams. Read models turn it into a filter on their owner and team
 * columns; aggregates ask {@link #covers}. Records outside it do not exist for the caller.
 */
public record DataScope(boolean unlimited, Set<String> reps, Set<String> teams) {

  private static final DataScope EVERYTHING = new DataScope(true, Set.of(), Set.of());
  private static final DataScope NOTHING = new DataScope(false, Set.of(), Set.of());

  public DataScope {
    reps = Set.copyOf(reps);
    teams = Set.copyOf(teams);
  }

  public static DataScope everything() {
    return EVERYTHING;
  }

  public static DataScope nothing() {
    return NOTHING;
  }

  public static DataScope ownedBy(String rep) {
    return new DataScope(false, Set.of(rep), Set.of());
  }

  public static DataScope ofTeams(Set<String> teams) {
    return new DataScope(false, Set.of(), teams);
  }

  /** Whether a record owned by {@code rep} and attributed to {@code team} is in scope. */
  public boolean covers(String rep, String team) {
    return unlimited || reps.contains(rep) || teams.contains(team);
  }

  /** What either scope covers. */
  public DataScope union(DataScope other) {
    if (unlimited || other.unlimited) {
      return EVERYTHING;
    }
    Set<String> allReps = new HashSet<>(reps);
    allReps.addAll(other.reps);
    Set<String> allTeams = new HashSet<>(teams);
    allTeams.addAll(other.teams);
    return new DataScope(false, allReps, allTeams);
  }

  /** For answers that say whose figures they show, e.g. "own deals of rep1". */
  public String describe() {
    if (unlimited) {
      return "everything";
    }
    StringBuilder text = new StringBuilder();
    if (!reps.isEmpty()) {
      text.append("own deals of ").append(String.join(", ", new TreeSet<>(reps)));
    }
    if (!teams.isEmpty()) {
      text.append(text.isEmpty() ? "" : " and ")
          .append("teams ")
          .append(String.join(", ", new TreeSet<>(teams)));
    }
    return text.isEmpty() ? "nothing" : text.toString();
  }
}
