package com.salesledger.platform.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do, the one table of it. Endpoints name a permission with {@link Permitted};
 * aggregates ask {@link AccessPolicy#may}. Which records an action may touch is the data scope's
 * business ({@link AccessPolicy#scopeOf}), not this table's.
 */
public enum Permission {
  /** Read deals, invoices and figures (within one's data scope). */
  READ_LEDGER(EnumSet.allOf(Role.class)),
  /** Open deals and move them through stages to won or lost. */
  WORK_ON_DEALS(EnumSet.of(Role.REP, Role.MANAGER, Role.ADMIN)),
  /** Move a deal to another rep or team. */
  REASSIGN_DEALS(EnumSet.of(Role.MANAGER, Role.ADMIN)),
  /** Issue invoices, record payments, credit notes and write-offs. */
  MANAGE_RECEIVABLES(EnumSet.of(Role.FINANCE, Role.ADMIN)),
  /**
   * Open credit accounts, change ratings, terms, holds and limits, decide limit requests (never
   * one's own) and release held deals.
   */
  MANAGE_CREDIT(EnumSet.of(Role.FINANCE, Role.ADMIN)),
  /** Read the early warnings and the finance inbox of holds (audit and administration read too). */
  READ_CREDIT_WARNINGS(EnumSet.of(Role.FINANCE, Role.AUDITOR, Role.ADMIN)),
  /** Establish regions, form teams, place and move reps and teams, change a team's managers. */
  MANAGE_ORGANISATION(EnumSet.of(Role.ADMIN)),
  /**
   * Set, decompose and revise sales targets (within one's data scope; company and region targets
   * only with an unlimited scope).
   */
  SET_TARGETS(EnumSet.of(Role.MANAGER, Role.FINANCE, Role.ADMIN)),
  /** Approve or reject a target revision that waits for a second person (never one's own). */
  DECIDE_TARGET_REVISIONS(EnumSet.of(Role.MANAGER, Role.FINANCE));

  private final Set<Role> roles;

  Permission(Set<Role> roles) {
    this.roles = Set.copyOf(roles);
  }

  public boolean grantedTo(Actor actor) {
    return actor.hasAny(roles);
  }
}
