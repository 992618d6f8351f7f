package com.salesledger.platform.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one answer to "what may this caller see and do", asked by every query and every command. What
 * a role may do is {@link Permission}; which records it may see and touch is the union of the
 * {@link #RULES}. A record outside the scope does not exist for the caller: single-record reads and
 * commands answer exactly as for an unknown id, lists and figures leave it out.
 *
 * <p>A manager's scope is the teams they manage on the day asked, learnt through {@link
 * TeamsManaged} (each app answers it from its own view of the organisation).
 */
@Component
public class AccessPolicy {

  /** Finance, audit, management and administration work across the whole ledger. */
  public static final ScopeRule LEDGER_WIDE_ROLES_SEE_EVERYTHING =
      grantTo(
          EnumSet.of(Role.FINANCE, Role.AUDITOR, Role.ADMIN),
          (actor, asOf) -> DataScope.everything());

  /** A rep sees and acts on the deals they own, and those deals' invoices and figures. */
  public static final ScopeRule A_REP_SEES_THEIR_OWN_DEALS =
      grantTo(EnumSet.of(Role.REP), (actor, asOf) -> DataScope.ownedBy(actor.name()));

  /**
   * A manager sees and acts on the deals, invoices, figures and targets of the teams they manage on
   * the day asked (not of teams they managed before or will manage later).
   */
  public static ScopeRule aManagerSeesTheTeamsTheyManage(TeamsManaged teams) {
    return grantTo(
        EnumSet.of(Role.MANAGER),
        (actor, asOf) -> DataScope.ofTeams(teams.teamsManagedBy(actor.name(), asOf)));
  }

  /** Every rule, with a manager's teams read from {@code teams}. */
  public static List<ScopeRule> rules(TeamsManaged teams) {
    return List.of(
        LEDGER_WIDE_ROLES_SEE_EVERYTHING,
        A_REP_SEES_THEIR_OWN_DEALS,
        aManagerSeesTheTeamsTheyManage(teams));
  }

  private final List<ScopeRule> rules;
  private final Clock clock;

  /**
   * In an app: the app's own {@link TeamsManaged}. Fails closed: a context without one (a web slice
   * test) leaves managers with no team.
   */
  @Autowired
  public AccessPolicy(ObjectProvider<TeamsManaged> teams, Clock clock) {
    this(
        rules(
            (manager, on) ->
                teams.getIfAvailable(() -> (m, d) -> Set.of()).teamsManagedBy(manager, on)),
        clock);
  }

  public AccessPolicy(TeamsManaged teams, Clock clock) {
    this(rules(teams), clock);
  }

  /** For tests and tools without an organisation: a manager then manages no team. */
  public AccessPolicy(Clock clock) {
    this((manager, on) -> Set.of(), clock);
  }

  public AccessPolicy(List<ScopeRule> rules, Clock clock) {
    this.rules = List.copyOf(rules);
    this.clock = clock;
  }

  /** The records the caller may see and act on today. */
  public DataScope scopeOf(Actor actor) {
    return scopeOf(actor, LocalDate.now(clock));
  }

  /** The records the caller may see and act on as they stood on {@code asOf}. */
  public DataScope scopeOf(Actor actor, LocalDate asOf) {
    DataScope scope = DataScope.nothing();
    for (ScopeRule rule : rules) {
      scope = scope.union(rule.grant(actor, asOf));
    }
    return scope;
  }

  /** The current request's caller's scope today. */
  public DataScope scopeOfCurrentCaller() {
    return scopeOf(Actor.current());
  }

  public boolean may(Actor actor, Permission permission) {
    return permission.grantedTo(actor);
  }

  private static ScopeRule grantTo(Set<Role> roles, ScopeRule rule) {
    return (actor, asOf) -> actor.hasAny(roles) ? rule.grant(actor, asOf) : DataScope.nothing();
  }
}
