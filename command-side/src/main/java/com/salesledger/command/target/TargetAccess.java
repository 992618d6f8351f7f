package com.salesledger.command.target;

import com.salesledger.events.target.TargetScope;
import com.salesledger.platform.security.DataScope;

/**
 * Which targets a data scope covers: a REP target if the rep (or the rep's team) is covered, a TEAM
 * target if the team is, REGION and COMPANY targets only with an unlimited scope (finance, audit,
 * administration).
 */
final class TargetAccess {

  private TargetAccess() {}

  static boolean covers(DataScope scope, TargetScope target, String teamOfRep) {
    if (scope.unlimited()) {
      return true;
    }
    return switch (target.level()) {
      case REP ->
          scope.reps().contains(target.id())
              || (teamOfRep != null && scope.teams().contains(teamOfRep));
      case TEAM -> scope.teams().contains(target.id());
      case REGION, COMPANY -> false;
    };
  }
}
