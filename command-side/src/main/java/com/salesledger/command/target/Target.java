package com.salesledger.command.target;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.salesledger.command.common.Rejected;
import com.salesledger.events.common.Period;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One target (scope, period, metric) and its revisions. Its stream id follows from the three
 * ({@link TargetIds}), so a second target for them is this same aggregate and is refused. It holds
 * what its decisions need: the applied revisions (to know the amount in force on a day), the
 * waiting ones (maker-checker) and its last decomposition (which children must be listed again).
 * Access, the organisation and the threshold are checked by {@link TargetLedger}, which calls it.
 */
@Aggregate
public class Target {

  /** An applied revision: from which day, which amount. */
  private record Applied(LocalDate effectiveFrom, BigDecimal amount) {}

  /** A revision waiting for a second person. */
  record Waiting(BigDecimal amount, LocalDate effectiveFrom, String requestedBy, String reason) {}

  @AggregateIdentifier private String streamId;
  private String targetId;
  private TargetScope scope;
  private Period period;
  private TargetMetric metric;
  private String currency;
  private String teamOfRep;
  private boolean set;
  private BigDecimal current;
  private final List<Applied> applied = new ArrayList<>();
  private final Map<String, Waiting> waiting = new LinkedHashMap<>();
  private final Set<String> children = new LinkedHashSet<>();

  protected Target() {}

  boolean isSet() {
    return set;
  }

  String targetId() {
    return targetId;
  }

  TargetScope scope() {
    return scope;
  }

  Period period() {
    return period;
  }

  TargetMetric metric() {
    return metric;
  }

  String currency() {
    return currency;
  }

  String teamOfRep() {
    return teamOfRep;
  }

  /** The amount of the revision recorded last; what a decomposition must add up to. */
  BigDecimal currentAmount() {
    return current;
  }

  /**
   * The amount in force on {@code day}: the revision recorded last among those effective by then (a
   * later recording replaces what was known from its effective day on).
   */
  BigDecimal amountOn(LocalDate day) {
    BigDecimal amount = null;
    for (Applied revision : applied) {
      if (!revision.effectiveFrom().isAfter(day)) {
        amount = revision.amount();
      }
    }
    return amount == null ? applied.get(0).amount() : amount;
  }

  Waiting waiting(String revisionId) {
    Waiting revision = waiting.get(revisionId);
    if (revision == null) {
      throw Rejected.conflict(
          "Revision " + revisionId + " of target " + targetId + " is not waiting for a decision.");
    }
    return revision;
  }

  Set<String> children() {
    return Set.copyOf(children);
  }

  void set(TargetSet event) {
    if (set) {
      throw Rejected.conflict(
          "A target for "
              + event.scope()
              + ", "
              + event.period()
              + " and "
              + event.metric()
              + " already exists: "
              + event.targetId()
              + ".");
    }
    apply(event);
  }

  /** Applies at once ({@code approvedBy} null) or waits; answers the revision's id. */
  String revise(
      BigDecimal amount, LocalDate effectiveFrom, String by, String reason, boolean needsApproval) {
    String revisionId = nextRevisionId();
    BigDecimal before = amountOn(effectiveFrom);
    if (needsApproval) {
      apply(
          new TargetRevisionRequested(
              targetId, revisionId, before, amount, effectiveFrom, by, reason));
    } else {
      apply(
          new TargetRevised(targetId, revisionId, before, amount, effectiveFrom, by, null, reason));
    }
    return revisionId;
  }

  /** Maker-checker: whoever asked for the revision can never decide it, whatever their roles. */
  void approve(String revisionId, String by, String reason) {
    Waiting revision = decidable(revisionId, by, "approve");
    apply(
        new TargetRevised(
            targetId,
            revisionId,
            amountOn(revision.effectiveFrom()),
            revision.amount(),
            revision.effectiveFrom(),
            revision.requestedBy(),
            by,
            reason));
  }

  void reject(String revisionId, String by, String reason) {
    Waiting revision = decidable(revisionId, by, "reject");
    apply(
        new TargetRevisionRejected(
            targetId,
            revisionId,
            revision.amount(),
            revision.effectiveFrom(),
            revision.requestedBy(),
            by,
            reason));
  }

  private Waiting decidable(String revisionId, String by, String verb) {
    Waiting revision = waiting(revisionId);
    if (revision.requestedBy().equals(by)) {
      throw Rejected.forbidden(
          "Maker-checker: "
              + by
              + " requested revision "
              + revisionId
              + " and may not "
              + verb
              + " it; another manager or finance user must.");
    }
    return revision;
  }

  /**
   * Records a decomposition whose children the ledger has checked; every earlier child must be
   * listed again, so no child silently keeps an amount that no longer adds up.
   */
  void decompose(List<DecomposedChild> lines, String by, String reason) {
    Set<String> listed = new LinkedHashSet<>();
    lines.forEach(line -> listed.add(line.targetId()));
    List<String> missing = children.stream().filter(id -> !listed.contains(id)).toList();
    if (!missing.isEmpty()) {
      throw Rejected.rule(
          "A new decomposition must list every earlier child again; missing: "
              + String.join(", ", missing)
              + ".");
    }
    apply(new TargetDecomposed(targetId, current, lines, by, reason));
  }

  /** As a child of {@code parentId}: its amount from the period's start; nothing if unchanged. */
  void apportion(String parentId, BigDecimal amount, String by, String reason) {
    if (current.compareTo(amount) == 0) {
      return;
    }
    apply(
        new TargetReapportioned(targetId, nextRevisionId(), parentId, current, amount, by, reason));
  }

  private static String nextRevisionId(Long version) {
    return TargetIds.revisionId(version == null ? 0 : version + 1);
  }

  private String nextRevisionId() {
    return nextRevisionId(AggregateLifecycle.getVersion());
  }

  @EventSourcingHandler
  void on(TargetSet e) {
    streamId = TargetIds.stream(e.targetId());
    targetId = e.targetId();
    scope = e.scope();
    period = e.period();
    metric = e.metric();
    currency = e.currency();
    teamOfRep = e.teamOfRep();
    set = true;
    current = e.amount();
    applied.add(new Applied(e.period().start(), e.amount()));
  }

  @EventSourcingHandler
  void on(TargetRevisionRequested e) {
    waiting.put(
        e.revisionId(), new Waiting(e.amount(), e.effectiveFrom(), e.requestedBy(), e.reason()));
  }

  @EventSourcingHandler
  void on(TargetRevised e) {
    waiting.remove(e.revisionId());
    current = e.amount();
    applied.add(new Applied(e.effectiveFrom(), e.amount()));
  }

  @EventSourcingHandler
  void on(TargetRevisionRejected e) {
    waiting.remove(e.revisionId());
  }

  @EventSourcingHandler
  void on(TargetReapportioned e) {
    current = e.amount();
    applied.add(new Applied(period.start(), e.amount()));
  }

  @EventSourcingHandler
  void on(TargetDecomposed e) {
    children.clear();
    e.children().forEach(child -> children.add(child.targetId()));
  }
}
