package com.salesledger.events.target;

/**
 * Whom a target is for: the company ({@code id} "COMPANY"), a region, a team or a rep (the rep's
 * user name). Written {@code LEVEL:id} in queries and ids.
 */
public record TargetScope(ScopeLevel level, String id) {

  public static final String COMPANY_ID = "COMPANY";

  public TargetScope {
    if (level == ScopeLevel.COMPANY && id == null) {
      id = COMPANY_ID;
    }
  }

  public static TargetScope company() {
    return new TargetScope(ScopeLevel.COMPANY, COMPANY_ID);
  }

  @Override
  public String toString() {
    return level + ":" + id;
  }
}
