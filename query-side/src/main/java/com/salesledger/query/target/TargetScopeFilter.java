package com.salesledger.query.target;

import com.salesledger.platform.security.DataScope;
import java.util.List;

/**
 * Which rows of {@code target_view} a data scope covers, as SQL: REP targets of the covered reps or
 * of reps in covered teams, TEAM targets of covered teams; REGION and COMPANY targets need an
 * unlimited scope. One rule for the targets query and for the dashboard's attainment, so a target
 * the caller cannot read by its id never reaches them through a dashboard group either.
 */
record TargetScopeFilter(String sql, List<Object> args) {

  static TargetScopeFilter of(DataScope scope, String alias) {
    if (scope.unlimited()) {
      return new TargetScopeFilter("", List.of());
    }
    String[] reps = scope.reps().toArray(String[]::new);
    String[] teams = scope.teams().toArray(String[]::new);
    String a = alias.isEmpty() ? "" : alias + ".";
    return new TargetScopeFilter(
        " and (("
            + a
            + "level = 'REP' and ("
            + a
            + "scope_id = any(?) or "
            + a
            + "team_of_rep = any(?))) or ("
            + a
            + "level = 'TEAM' and "
            + a
            + "scope_id = any(?)))",
        List.of(reps, teams, teams));
  }
}
