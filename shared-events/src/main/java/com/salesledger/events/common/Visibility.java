package com.salesledger.events.common;

import java.util.Set;

/**
 * Who is limited to their own deals: a user whose only role is REP. Both the command side (what one
 * may change) and the query side (what one may see) ask this one rule.
 */
public final class Visibility {

  private Visibility() {}

  public static boolean ownDealsOnly(Set<String> roles) {
    return roles.equals(Set.of("REP"));
  }
}
