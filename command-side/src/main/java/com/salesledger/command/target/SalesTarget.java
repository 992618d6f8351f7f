package com.salesledger.command.target;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.salesledger.command.common.Access;
import com.salesledger.command.common.Amounts;
import com.salesledger.command.common.Caller;
import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.command.organisation.OrganisationChart;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.common.Period;
import com.salesledger.events.target.ApproveTargetRevision;
import com.salesledger.events.target.RejectTargetRevision;
import com.salesledger.events.target.ReviseTarget;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.SetTarget;
import com.salesledger.events.target.TargetChild;
import com.salesledger.events.target.TargetDecomposed;
import com.salesledger.events.target.TargetDecomposed.DecomposedChild;
import com.salesledger.events.target.TargetIds;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetReapportioned;
import com.salesledger.events.target.TargetRevised;
import com.salesledger.events.target.TargetRevisionRejected;
import com.salesledger.events.target.TargetRevisionRequested;
import com.salesledger.events.target.TargetScope;
import com.salesledger.events.target.TargetSet;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Actor;
import com.salesledger.platform.security.Permission;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A sales target: one per scope, period and metric (the stream id follows from the three, see
 * {@link TargetIds}). Holds what its decisions need: its amounts by effective day (to measure a
 * revision against the amount it replaces), the revisions waiting for a second person, and the
 * children of its last decomposition (a new decomposition must list them all again).
 */
@Aggregate
public class SalesTarget {

  private record Pending(BigDecimal amount, LocalDate effectiveFrom, String requestedBy) {}

  @AggregateIdentifier private String streamId;
  private String targetId;
  private boolean set;
  private TargetScope scope;
  private Period period;
  private TargetMetric metric;
  private String teamOfRep;
  private String parentId;
  private final TreeMap<LocalDate, BigDecimal> amounts = new TreeMap<>();
  private final Map<String, Pending> pending = new HashMap<>();
  private final Map<String, String> decided = new HashMap<>();
  private final Set<String> children = new LinkedHashSet<>();

  protected SalesTarget() {}

  /**
   * A second target for the same scope, period and metric is this same stream: 409. The caller's
   * scope is checked first, so that whether a target outside it exists is not told (a manager got
   * 409 for another team's existing target and 403 for a missing one).
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public CommandResult handle(
      SetTarget command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy access,
      OrganisationChart chart) {
    Actor caller = Caller.of(user, roles);
    Access.requirePermission(access, caller, Permission.SET_TARGETS);
    String team = placeInOrganisation(command.scope(), command.period(), chart);
    if (!TargetAccess.covers(
        access.scopeOf(caller, command.period().start()), command.scope(), team)) {
      throw Rejected.forbidden("You may set targets only within your own scope.");
    }
    if (set) {
      throw Rejected.conflict(
          "A target for "
              + command.scope()
              + ", "
              + command.period()
              + " and "
              + command.metric()
              + " already exists: "
              + targetId
              + ". Revise it instead.");
    }
    requireAmount(command.metric(), "amount", command.amount());
    apply(
        new TargetSet(
            command.targetId(),
            TargetIds.revisionId(0),
            command.scope(),
            command.period(),
            command.metric(),
            command.amount(),
            command.currency(),
            team,
            null,
            caller.name(),
            command.reason()));
    return result();
  }

  /**
   * The parent's half of a decomposition: checks that the children belong to this target (lower
   * scopes of the same period per the organisation on the period's first day, or sub-periods of the
   * same scope), repeat every earlier child and add up to the latest amount exactly; records the
   * decomposition and answers the children with their ids for the caller to set.
   */
  public List<DecomposedChild> decompose(
      List<TargetChild> requested,
      String reason,
      AccessPolicy access,
      Actor caller,
      OrganisationChart chart) {
    requireInScope(access, caller, Permission.SET_TARGETS);
    if (requested.isEmpty()) {
      throw Rejected.invalid("children", "must name at least one child");
    }
    Map<String, DecomposedChild> resolved = new LinkedHashMap<>();
    BigDecimal sum = BigDecimal.ZERO;
    Boolean bySubPeriods = null;
    for (int i = 0; i < requested.size(); i++) {
      TargetChild child = requested.get(i);
      String field = "children[" + i + "]";
      TargetScope childScope = child.scope() != null ? child.scope() : scope;
      Period childPeriod = child.period() != null ? child.period() : period;
      boolean subPeriod = childScope.equals(scope);
      if (subPeriod == childPeriod.equals(period)) {
        throw Rejected.invalid(
            field, "must be either a lower scope of the same period or a sub-period of " + period);
      }
      if (bySubPeriods != null && bySubPeriods != subPeriod) {
        throw Rejected.invalid(
            field, "must be of the same kind as the other children (all scopes or all periods)");
      }
      bySubPeriods = subPeriod;
      if (subPeriod) {
        requireSubPeriod(field, childPeriod);
      } else {
        requireLowerScope(field, childScope, chart);
      }
      requireAmount(metric, field + ".amount", child.amount());
      String childId = TargetIds.of(childScope, childPeriod, metric);
      if (resolved.put(
              childId, new DecomposedChild(childId, childScope, childPeriod, child.amount()))
          != null) {
        throw Rejected.invalid(field, "names " + childId + " twice");
      }
      sum = sum.add(child.amount());
    }
    for (String earlier : children) {
      if (!resolved.containsKey(earlier)) {
        throw Rejected.rule(
            "Child "
                + earlier
                + " of the earlier decomposition is missing; give it again (amount 0 to empty it).");
      }
    }
    BigDecimal latest = latestAmount();
    int compared = sum.compareTo(latest);
    if (compared != 0) {
      BigDecimal difference = sum.subtract(latest).abs();
      throw Rejected.rule(
          "The children add up to "
              + sum.toPlainString()
              + ", "
              + difference.toPlainString()
              + (compared < 0 ? " less" : " more")
              + " than the target's "
              + latest.toPlainString()
              + ".");
    }
    List<DecomposedChild> decomposed = List.copyOf(resolved.values());
    apply(new TargetDecomposed(targetId, latest, decomposed, caller.name(), reason));
    return decomposed;
  }

  /** A new child of {@code parent}'s decomposition: set in its parent's unit of work. */
  void setByDecomposition(
      DecomposedChild child,
      SalesTarget parent,
      String currency,
      OrganisationChart chart,
      Actor caller,
      String reason) {
    apply(
        new TargetSet(
            child.targetId(),
            TargetIds.revisionId(0),
            child.scope(),
            child.period(),
            parent.metric,
            child.amount(),
            currency,
            child.scope().level() == ScopeLevel.REP
                ? placeInOrganisation(child.scope(), child.period(), chart)
                : null,
            parent.targetId,
            caller.name(),
            reason));
  }

  /** An existing target becomes (or stays) a child of {@code parent} with a new amount. */
  void reapportion(DecomposedChild child, SalesTarget parent, Actor caller, String reason) {
    if (parentId != null && !parentId.equals(parent.targetId)) {
      throw Rejected.conflict(
          "Target "
              + targetId
              + " is already a child of "
              + parentId
              + ", not of "
              + parent.targetId
              + ".");
    }
    apply(
        new TargetReapportioned(
            targetId,
            TargetIds.revisionId(AggregateLifecycle.getVersion() + 1),
            parent.targetId,
            amounts.get(period.start()),
            child.amount(),
            caller.name(),
            reason));
  }

  boolean isSet() {
    return set;
  }

  /**
   * A revision within the threshold applies at once; a larger one waits for a second person. The
   * change is measured against the amount in force on the revision's effective day.
   */
  @CommandHandler
  public CommandResult handle(
      ReviseTarget command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy access,
      TargetPolicy policy) {
    Actor caller = Caller.of(user, roles);
    requireInScope(access, caller, Permission.SET_TARGETS);
    requireAmount(metric, "amount", command.amount());
    if (command.effectiveFrom() == null || !period.contains(command.effectiveFrom())) {
      throw Rejected.invalid("effectiveFrom", "must be a day within the target's period " + period);
    }
    BigDecimal current = amounts.floorEntry(command.effectiveFrom()).getValue();
    if (current.compareTo(command.amount()) == 0
        && command.effectiveFrom().equals(amounts.floorKey(command.effectiveFrom()))) {
      throw Rejected.conflict(
          "The target is already " + current.toPlainString() + " from " + command.effectiveFrom());
    }
    String revisionId = TargetIds.revisionId(AggregateLifecycle.getVersion() + 1);
    if (policy.needsApproval(current, command.amount())) {
      apply(
          new TargetRevisionRequested(
              targetId,
              revisionId,
              current,
              command.amount(),
              command.effectiveFrom(),
              caller.name(),
              command.reason()));
    } else {
      apply(
          new TargetRevised(
              targetId,
              revisionId,
              current,
              command.amount(),
              command.effectiveFrom(),
              caller.name(),
              null,
              command.reason()));
    }
    return result();
  }

  /** Maker-checker: the requester can never approve their own revision, whatever their roles. */
  @CommandHandler
  public CommandResult handle(
      ApproveTargetRevision command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy access) {
    Actor caller = Caller.of(user, roles);
    Pending revision = decidable(command.revisionId(), access, caller, "approve");
    apply(
        new TargetRevised(
            targetId,
            command.revisionId(),
            amounts.floorEntry(revision.effectiveFrom()).getValue(),
            revision.amount(),
            revision.effectiveFrom(),
            revision.requestedBy(),
            caller.name(),
            command.reason()));
    return result();
  }

  @CommandHandler
  public CommandResult handle(
      RejectTargetRevision command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy access) {
    Actor caller = Caller.of(user, roles);
    Pending revision = decidable(command.revisionId(), access, caller, "reject");
    apply(
        new TargetRevisionRejected(
            targetId,
            command.revisionId(),
            revision.amount(),
            revision.effectiveFrom(),
            revision.requestedBy(),
            caller.name(),
            command.reason()));
    return result();
  }

  private Pending decidable(String revisionId, AccessPolicy access, Actor caller, String verb) {
    requireInScope(access, caller, Permission.DECIDE_TARGET_REVISIONS);
    String decision = decided.get(revisionId);
    if (decision != null) {
      throw Rejected.conflict("Revision " + revisionId + " was already " + decision + ".");
    }
    Pending revision = pending.get(revisionId);
    if (revision == null) {
      throw Rejected.notFound(
          "No revision " + revisionId + " of target " + targetId + " waits for a decision.");
    }
    if (caller.name().equals(revision.requestedBy())) {
      throw Rejected.forbidden(
          "Maker-checker: "
              + caller.name()
              + " requested revision "
              + revisionId
              + " and may not "
              + verb
              + " it; another manager or finance user must.");
    }
    return revision;
  }

  /** The amount in force on the period's last day: what children must add up to. */
  BigDecimal latestAmount() {
    return amounts.floorEntry(period.end()).getValue();
  }

  String targetId() {
    return targetId;
  }

  boolean metricIsCount() {
    return metric == TargetMetric.NEW_CUSTOMERS;
  }

  private void requireInScope(AccessPolicy access, Actor caller, Permission permission) {
    if (!set || !TargetAccess.covers(access.scopeOf(caller, period.start()), scope, teamOfRep)) {
      throw Rejected.unknown(streamId);
    }
    Access.requirePermission(access, caller, permission);
  }

  private void requireSubPeriod(String field, Period child) {
    boolean finer =
        switch (period.kind()) {
          case YEAR -> child.kind() != Period.Kind.YEAR;
          case QUARTER -> child.kind() == Period.Kind.MONTH;
          case MONTH -> false;
        };
    if (!finer || child.start().isBefore(period.start()) || child.end().isAfter(period.end())) {
      throw Rejected.rule(
          field + ": period " + child + " is not a sub-period of the target's " + period + ".");
    }
  }

  /** One level down, per the organisation on the period's first day. */
  private void requireLowerScope(String field, TargetScope child, OrganisationChart chart) {
    LocalDate on = period.start();
    boolean belongs =
        switch (scope.level()) {
          case COMPANY ->
              child.level() == ScopeLevel.REGION && chart.regions(on).contains(child.id());
          case REGION ->
              child.level() == ScopeLevel.TEAM
                  && chart.teamsOf(scope.id(), on).contains(child.id());
          case TEAM ->
              child.level() == ScopeLevel.REP && chart.repsOf(scope.id(), on).contains(child.id());
          case REP -> false;
        };
    if (!belongs) {
      throw Rejected.rule(
          field
              + ": "
              + child
              + " does not belong to "
              + scope
              + " on "
              + on
              + " (children are the next level down of the organisation on the period's first"
              + " day).");
    }
  }

  /**
   * A REGION, TEAM or REP target must name one the organisation knows on the period's first day;
   * answers a REP's team then (COMPANY needs no organisation).
   */
  private static String placeInOrganisation(
      TargetScope scope, Period period, OrganisationChart chart) {
    LocalDate on = period.start();
    String unknown = scope + " is not in the organisation on " + on + ".";
    switch (scope.level()) {
      case COMPANY -> {
        if (!TargetScope.COMPANY_ID.equals(scope.id())) {
          throw Rejected.invalid("scope.id", "must be " + TargetScope.COMPANY_ID + " for COMPANY");
        }
        return null;
      }
      case REGION -> {
        if (!chart.regions(on).contains(scope.id())) {
          throw Rejected.rule(unknown);
        }
        return null;
      }
      case TEAM -> {
        if (chart.regionOf(scope.id(), on).isEmpty()) {
          throw Rejected.rule(unknown);
        }
        return null;
      }
      case REP -> {
        return chart
            .placementOf(scope.id(), on)
            .map(OrganisationChart.Placement::teamId)
            .orElseThrow(() -> Rejected.rule(unknown));
      }
      default -> throw new IllegalStateException("unknown level " + scope.level());
    }
  }

  /**
   * NEW_CUSTOMERS is a count (whole, not negative); the others money (2 decimals, not negative).
   */
  private static void requireAmount(TargetMetric metric, String field, BigDecimal amount) {
    Amounts.requireNotNegative(field, amount);
    if (metric == TargetMetric.NEW_CUSTOMERS && amount.stripTrailingZeros().scale() > 0) {
      throw Rejected.invalid(field, "must be a whole number of customers");
    }
  }

  private CommandResult result() {
    return new CommandResult(streamId, AggregateLifecycle.getVersion());
  }

  @EventSourcingHandler
  void on(TargetSet event) {
    streamId = TargetIds.stream(event.targetId());
    targetId = event.targetId();
    set = true;
    scope = event.scope();
    period = event.period();
    metric = event.metric();
    teamOfRep = event.teamOfRep();
    parentId = event.parentId();
    amounts.put(period.start(), event.amount());
  }

  @EventSourcingHandler
  void on(TargetDecomposed event) {
    event.children().forEach(c -> children.add(c.targetId()));
  }

  @EventSourcingHandler
  void on(TargetReapportioned event) {
    parentId = event.parentId();
    amounts.put(period.start(), event.amount());
  }

  @EventSourcingHandler
  void on(TargetRevisionRequested event) {
    pending.put(
        event.revisionId(),
        new Pending(event.amount(), event.effectiveFrom(), event.requestedBy()));
  }

  @EventSourcingHandler
  void on(TargetRevised event) {
    amounts.put(event.effectiveFrom(), event.amount());
    if (pending.remove(event.revisionId()) != null) {
      decided.put(event.revisionId(), "approved by " + event.approvedBy());
    }
  }

  @EventSourcingHandler
  void on(TargetRevisionRejected event) {
    pending.remove(event.revisionId());
    decided.put(event.revisionId(), "rejected by " + event.rejectedBy());
  }
}
