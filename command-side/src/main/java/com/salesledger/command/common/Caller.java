package com.salesledger.command.common;

import com.salesledger.platform.security.Actor;

/**
 * Who sent a command, as aggregates see it: read from the command's metadata (set from the login,
 * never from the body). Aggregates ask the access policy about this actor.
 */
public final class Caller {

  private Caller() {}

  /**
   * A command without a user is refused (fail closed): every path into the command bus (the HTTP
   * API, the demo loader) stamps the user, so a missing one means something bypassed them.
   */
  public static Actor of(String user, String roles) {
    if (user == null || user.isBlank()) {
      throw Rejected.forbidden("The command carries no authenticated user.");
    }
    return Actor.of(user, roles);
  }
}
