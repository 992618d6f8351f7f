package com.salesledger.command.target;

import com.salesledger.command.common.Amounts;
import com.salesledger.command.common.Caller;
import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.command.organisation.OrganisationChart;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.common.Period;
import com.salesledger.events.target.ApproveTargetRevision;
import com.salesledger.events.target.DecomposeTarget;
import com.salesledger.events.target.RejectTargetRevision;
import com.salesledger.events.target.ReviseTarget;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.SetTarget;
import com.salesledger.events.target.TargetChild;
import com.salesledger.events.target.TargetDecomposed.DecomposedChild;
import com.salesledger.events.target.TargetIds;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetScope;
import com.salesledger.events.target.TargetSet;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Actor;
import com.salesledger.platform.security.Permission;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Every target command: access (permission and data scope), the organisation and the approval
 * threshold are checked here, the rules of one target's history in {@link Target}. A decomposition
 * records itself on the parent and sets (or reapportions) each child target in the same unit of
 * work, so a decomposition is never half done.
 */
@Component
public class TargetLedger {

  private final Repository<Target> targets;
  private final OrganisationChart chart;
  private final AccessPolicy access;
  private final TargetPolicy policy;

  public TargetLedger(
      Repository<Target> targets,
      OrganisationChart chart,
      AccessPolicy access,
      TargetPolicy policy) {
    this.targets = targets;
    this.chart = chart;
    this.access = access;
    this.policy = policy;
  }

  @CommandHandler
  public CommandResult handle(
      SetTarget command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles) {
    Actor caller = Caller.of(user, roles);
    requirePermission(caller, Permission.SET_TARGETS);
    requireAmount("amount", command.metric(), command.amount());
    String teamOfRep = requireKnownScope(command.scope(), command.period());
    if (!TargetAccess.covers(access.scopeOf(caller), command.scope(), teamOfRep)) {
      throw Rejected.forbidden("The scope " + command.scope() + " is outside your data scope.");
    }
    String targetId = command.targetId();
    Aggregate<Target> target = loadOrCreate(command.streamId());
    target.execute(
        t ->
            t.set(
                new TargetSet(
                    targetId,
                    TargetIds.revisionId(0),
                    command.scope(),
                    command.period(),
                    command.metric(),
                    command.amount(),
                    command.currency(),
                    teamOfRep,
                    null,
                    caller.name(),
                    command.reason())));
    return new CommandResult(command.streamId(), target.version());
  }

  @CommandHandler
  public CommandResult handle(
      ReviseTarget command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles) {
    Actor caller = Caller.of(user, roles);
    Aggregate<Target> target = load(command.targetId(), command.expectedVersion());
    Target t = inScope(target, caller, command.targetId(), Permission.SET_TARGETS);
    requireAmount("amount", t.metric(), command.amount());
    if (command.effectiveFrom() == null || !t.period().contains(command.effectiveFrom())) {
      throw Rejected.invalid(
          "effectiveFrom",
          "must be a day within the target's period "
              + t.period()
              + " ("
              + t.period().start()
              + " to "
              + t.period().end()
              + ")");
    }
    BigDecimal inForce = t.amountOn(command.effectiveFrom());
    if (inForce.compareTo(command.amount()) == 0) {
      throw Rejected.conflict(
          "The target is already "
              + inForce.toPlainString()
              + " on "
              + command.effectiveFrom()
              + ".");
    }
    boolean needsApproval = policy.needsApproval(inForce, command.amount());
    target.execute(
        a ->
            a.revise(
                command.amount(),
                command.effectiveFrom(),
                caller.name(),
                command.reason(),
                needsApproval));
    return new CommandResult(command.streamId(), target.version());
  }

  @CommandHandler
  public CommandResult handle(
      ApproveTargetRevision command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles) {
    Actor caller = Caller.of(user, roles);
    Aggregate<Target> target = load(command.targetId(), null);
    inScope(target, caller, command.targetId(), Permission.DECIDE_TARGET_REVISIONS);
    target.execute(t -> t.approve(command.revisionId(), caller.name(), command.reason()));
    return new CommandResult(command.streamId(), target.version());
  }

  @CommandHandler
  public CommandResult handle(
      RejectTargetRevision command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles) {
    Actor caller = Caller.of(user, roles);
    Aggregate<Target> target = load(command.targetId(), null);
    inScope(target, caller, command.targetId(), Permission.DECIDE_TARGET_REVISIONS);
    target.execute(t -> t.reject(command.revisionId(), caller.name(), command.reason()));
    return new CommandResult(command.streamId(), target.version());
  }

  @CommandHandler
  public CommandResult handle(
      DecomposeTarget command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles) {
    Actor caller = Caller.of(user, roles);
    Aggregate<Target> parentAggregate = load(command.targetId(), command.expectedVersion());
    Target parent = inScope(parentAggregate, caller, command.targetId(), Permission.SET_TARGETS);
    List<DecomposedChild> lines = new ArrayList<>();
    List<String> teams = new ArrayList<>();
    if (command.children().isEmpty()) {
      throw Rejected.invalid("children", "must list at least one child");
    }
    Set<String> ids = new HashSet<>();
    String kind = null;
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < command.children().size(); i++) {
      String field = "children[" + i + "]";
      TargetChild child = command.children().get(i);
      if (child == null) {
        throw Rejected.invalid(field, "is required");
      }
      TargetScope scope = child.scope() == null ? parent.scope() : child.scope();
      Period period = child.period() == null ? parent.period() : child.period();
      boolean lowerScope = !scope.equals(parent.scope());
      boolean subPeriod = !period.equals(parent.period());
      if (lowerScope == subPeriod) {
        throw Rejected.invalid(
            field,
            "must differ from the target in its scope (a lower scope of the same period) or in its"
                + " period (a sub-period of the same scope), not in both or neither");
      }
      String childKind = lowerScope ? "scope " + scope.level() : "period " + period.kind();
      if (kind != null && !kind.equals(childKind)) {
        throw Rejected.invalid(
            field, "must be of the same kind as the other children (" + kind + ")");
      }
      kind = childKind;
      String team =
          lowerScope
              ? requireBelongsToScope(field, parent, scope)
              : requireBelongsToPeriod(field, parent, period);
      requireAmount(field + ".amount", parent.metric(), child.amount());
      String childId = TargetIds.of(scope, period, parent.metric());
      if (!ids.add(childId)) {
        throw Rejected.invalid(field, "lists " + childId + " a second time");
      }
      lines.add(new DecomposedChild(childId, scope, period, child.amount()));
      teams.add(team);
      sum = sum.add(child.amount());
    }
    BigDecimal amount = parent.currentAmount();
    if (sum.compareTo(amount) != 0) {
      throw Rejected.rule(
          "The children add up to "
              + sum.toPlainString()
              + " but the target is "
              + amount.toPlainString()
              + ": a difference of "
              + sum.subtract(amount).toPlainString()
              + ".");
    }
    parentAggregate.execute(p -> p.decompose(lines, caller.name(), command.reason()));
    for (int i = 0; i < lines.size(); i++) {
      DecomposedChild line = lines.get(i);
      String teamOfRep = teams.get(i);
      Aggregate<Target> child = loadOrCreate(TargetIds.stream(line.targetId()));
      child.execute(
          c -> {
            if (c.isSet()) {
              c.apportion(parent.targetId(), line.amount(), caller.name(), command.reason());
            } else {
              c.set(
                  new TargetSet(
                      line.targetId(),
                      TargetIds.revisionId(0),
                      line.scope(),
                      line.period(),
                      parent.metric(),
                      line.amount(),
                      parent.currency(),
                      teamOfRep,
                      parent.targetId(),
                      caller.name(),
                      command.reason()));
            }
          });
    }
    return new CommandResult(command.streamId(), parentAggregate.version());
  }

  /** A lower scope of the parent per the organisation on the period's first day. */
  private String requireBelongsToScope(String field, Target parent, TargetScope scope) {
    LocalDate on = parent.period().start();
    TargetScope of = parent.scope();
    boolean belongs =
        switch (of.level()) {
          case COMPANY ->
              scope.level() == ScopeLevel.REGION && chart.regions(on).contains(scope.id());
          case REGION ->
              scope.level() == ScopeLevel.TEAM && chart.teamsOf(of.id(), on).contains(scope.id());
          case TEAM ->
              scope.level() == ScopeLevel.REP && chart.repsOf(of.id(), on).contains(scope.id());
          case REP -> false;
        };
    if (!belongs) {
      throw Rejected.rule(
          field
              + " ("
              + scope
              + ") does not belong to "
              + of
              + " on "
              + on
              + ": a child must be a "
              + (of.level() == ScopeLevel.REP ? "sub-period (a rep has no lower scope)" : "direct")
              + " part of it in the organisation on the period's first day.");
    }
    return scope.level() == ScopeLevel.REP ? of.id() : null;
  }

  /** A sub-period (quarters or months of a year, months of a quarter) of the same scope. */
  private static String requireBelongsToPeriod(String field, Target parent, Period period) {
    Period of = parent.period();
    boolean finer = period.kind().ordinal() > of.kind().ordinal();
    boolean within = !period.start().isBefore(of.start()) && !period.end().isAfter(of.end());
    if (!finer || !within) {
      throw Rejected.rule(field + " (" + period + ") is not a sub-period of " + of + ".");
    }
    return parent.teamOfRep();
  }

  /**
   * Region, team and rep targets must name a scope the organisation knows on the period's first day
   * (a rep target also records the rep's team then, for data scopes); company targets need no
   * organisation.
   */
  private String requireKnownScope(TargetScope scope, Period period) {
    LocalDate on = period.start();
    switch (scope.level()) {
      case COMPANY -> {
        if (!TargetScope.COMPANY_ID.equals(scope.id())) {
          throw Rejected.invalid("scope.id", "must be " + TargetScope.COMPANY_ID + " or absent");
        }
        return null;
      }
      case REGION -> {
        if (!chart.regions(on).contains(scope.id())) {
          throw unknownScope(scope, on);
        }
        return null;
      }
      case TEAM -> {
        if (chart.regionOf(scope.id(), on).isEmpty()) {
          throw unknownScope(scope, on);
        }
        return null;
      }
      case REP -> {
        Optional<OrganisationChart.Placement> placement = chart.placementOf(scope.id(), on);
        return placement.orElseThrow(() -> unknownScope(scope, on)).teamId();
      }
      default -> throw new IllegalStateException("unknown level " + scope.level());
    }
  }

  private static Rejected unknownScope(TargetScope scope, LocalDate on) {
    return Rejected.rule(
        "The organisation has no " + scope + " on " + on + ", the period's first day.");
  }

  /** A new target's stream, or the existing one (then setting it again is refused). */
  private Aggregate<Target> loadOrCreate(String streamId) {
    try {
      return targets.loadOrCreate(streamId, Target::new);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("could not create target " + streamId, e);
    }
  }

  private Aggregate<Target> load(String targetId, Long expectedVersion) {
    try {
      Aggregate<Target> target = targets.load(TargetIds.stream(targetId), expectedVersion);
      if (!target.invoke(Target::isSet)) {
        throw Rejected.unknown(targetId);
      }
      return target;
    } catch (AggregateNotFoundException e) {
      throw Rejected.unknown(targetId);
    }
  }

  /** Scope first (outside it the target does not exist for the caller), then the permission. */
  private Target inScope(
      Aggregate<Target> target, Actor caller, String targetId, Permission permission) {
    Target t = target.invoke(a -> a);
    if (!TargetAccess.covers(access.scopeOf(caller), t.scope(), t.teamOfRep())) {
      throw Rejected.unknown(targetId);
    }
    requirePermission(caller, permission);
    return t;
  }

  private void requirePermission(Actor caller, Permission permission) {
    if (!access.may(caller, permission)) {
      throw Rejected.forbidden("Your role does not allow this.");
    }
  }

  /** Money has at most two decimals; NEW_CUSTOMERS is a whole count. */
  private static void requireAmount(String field, TargetMetric metric, BigDecimal amount) {
    Amounts.requireNotNegative(field, amount);
    if (metric == TargetMetric.NEW_CUSTOMERS && amount.stripTrailingZeros().scale() > 0) {
      throw Rejected.invalid(field, "must be a whole number of customers");
    }
  }
}
