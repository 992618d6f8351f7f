package com.salesledger.query.common;

import com.salesledger.platform.security.DataScope;
import java.util.List;

/**
 * A data scope as a SQL condition on a read model's owner and team columns, with its arguments.
 * Every read model filters through it, so what lies outside the scope is never read at all.
 */
public record ScopeFilter(String sql, List<Object> args) {

  public static ScopeFilter of(DataScope scope, String repColumn, String teamColumn) {
    if (scope.unlimited()) {
      return new ScopeFilter("true", List.of());
    }
    if (scope.reps().isEmpty() && scope.teams().isEmpty()) {
      return new ScopeFilter("false", List.of());
    }
    return new ScopeFilter(
        "(" + repColumn + " = any(?) or " + teamColumn + " = any(?))",
        List.of(scope.reps().toArray(String[]::new), scope.teams().toArray(String[]::new)));
  }
}
