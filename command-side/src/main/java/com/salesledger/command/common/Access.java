package com.salesledger.command.common;

import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Actor;
import com.salesledger.platform.security.Permission;

/** How aggregates ask the access policy, and what a refusal looks like on the command side. */
public final class Access {

  private Access() {}

  /**
   * Scope first: a record outside the caller's scope answers exactly as an unknown id, before any
   * other check could reveal its state; then the role's permission.
   */
  public static void requireInScope(
      AccessPolicy policy,
      Actor actor,
      Permission permission,
      String id,
      String ownerRep,
      String team) {
    if (!policy.scopeOf(actor).covers(ownerRep, team)) {
      throw Rejected.unknown(id);
    }
    requirePermission(policy, actor, permission);
  }

  public static void requirePermission(AccessPolicy policy, Actor actor, Permission permission) {
    if (!policy.may(actor, permission)) {
      throw Rejected.forbidden("Your role does not allow this.");
    }
  }
}
