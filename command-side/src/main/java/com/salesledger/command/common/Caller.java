package com.salesledger.command.common;

import com.salesledger.events.common.Visibility;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent a command, as aggregates see it: read from the command's metadata (set from the login,
 * never from the body). Aggregates use it for rules that depend on ownership.
 */
public record Caller(String user, Set<String> roles) {

  /**
   * A command without a user is refused (fail closed): every path into the command bus (the HTTP
   * API, the demo loader) stamps the user, so a missing one means something bypassed them.
   */
  public static Caller of(String user, String roles) {
    if (user == null || user.isBlank()) {
      throw Rejected.forbidden("The command carries no authenticated user.");
    }
    Set<String> set =
        roles == null || roles.isBlank()
            ? Set.of()
            : Arrays.stream(roles.split(",")).map(String::trim).collect(Collectors.toSet());
    return new Caller(user, set);
  }

  /** A rep with no wider role may act only on their own deals. */
  public boolean isRepOnly() {
    return Visibility.ownDealsOnly(roles);
  }

  public boolean hasAnyRole(String... wanted) {
    return Arrays.stream(wanted).anyMatch(roles::contains);
  }

  /** Moving deals between reps is a manager's (or admin's) decision. */
  public boolean mayReassign() {
    return roles.contains("MANAGER") || roles.contains("ADMIN");
  }
}
