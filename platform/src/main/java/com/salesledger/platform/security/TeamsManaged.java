package com.salesledger.platform.security;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which teams a manager managed on a day: the port through which the access policy learns a
 * manager's data scope. Each app implements it from its own view of the organisation (the command
 * side from the organisation's event stream, the query side from its organisation read model).
 */
public interface TeamsManaged {

  /** The ids of the teams {@code manager} (a user name) managed on {@code on}; empty if none. */
  Set<String> teamsManagedBy(String manager, LocalDate on);
}
