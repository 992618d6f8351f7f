package com.salesledger.platform.security;

import java.time.LocalDate;

/**
 * One named reason a caller may see some records. A caller's scope is the union of what every rule
 * grants them; a rule that does not apply grants {@link DataScope#nothing()}.
 */
@FunctionalInterface
public interface ScopeRule {

  /**
   * @param asOf the day the question is about: rules that depend on who belonged where (a manager's
   *     teams) answer as of that day
   */
  DataScope grant(Actor actor, LocalDate asOf);
}
