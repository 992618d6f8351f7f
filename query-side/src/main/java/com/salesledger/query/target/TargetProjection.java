package com.salesledger.query.target;

import com.salesledger.events.common.Period;
import com.salesledger.events.target.TargetDecomposed;
import com.salesledger.events.target.TargetReapportioned;
import com.salesledger.events.target.TargetRevised;
import com.salesledger.events.target.TargetRevisionRejected;
import com.salesledger.events.target.TargetRevisionRequested;
import com.salesledger.events.target.TargetSet;
import com.salesledger.query.common.projection.Batch;
import com.salesledger.query.common.projection.BatchScope;
import com.salesledger.query.common.projection.RebuildableProjection;
import com.salesledger.query.common.projection.Tables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Targets and their revisions, kept bitemporally: nothing is ever updated, every fact is a row with
 * its business date and the instant it was recorded (the event's timestamp), so any question "as
 * known at T" is a filter on recorded_at. A batch's rows are written as one JDBC batch per table.
 */
@Component
@ProcessingGroup(TargetProjection.PROCESSOR)
class TargetProjection implements RebuildableProjection {

  static final String PROCESSOR = "targets";

  private final JdbcTemplate jdbc;
  private final String insertTarget;
  private final String insertRevision;
  private final String insertRequest;
  private final String insertDecision;
  private final String insertDecomposition;

  @Autowired
  TargetProjection(JdbcTemplate jdbc) {
    this(jdbc, Tables.LIVE);
  }

  TargetProjection(JdbcTemplate jdbc, Tables tables) {
    this.jdbc = jdbc;
    this.insertTarget =
        "insert into "
            + tables.of("target_view")
            + " (target_id, scope_level, scope_id, team_of_rep, period, period_start, period_end,"
            + " metric, currency, parent_id, set_at, set_by) values (?,?,?,?,?,?,?,?,?,?,?,?)"
            + " on conflict (target_id) do nothing";
    this.insertRevision =
        "insert into "
            + tables.of("target_revision")
            + " (event_id, target_id, seq, revision_id, kind, amount, effective_from, recorded_at,"
            + " requested_by, approved_by, reason) values (?,?,?,?,?,?,?,?,?,?,?)"
            + " on conflict (event_id) do nothing";
    this.insertRequest =
        "insert into "
            + tables.of("target_revision_request")
            + " (target_id, revision_id, amount, effective_from, requested_by, requested_at,"
            + " reason) values (?,?,?,?,?,?,?) on conflict (target_id, revision_id) do nothing";
    this.insertDecision =
        "insert into "
            + tables.of("target_revision_decision")
            + " (target_id, revision_id, decision, decided_by, decided_at, reason)"
            + " values (?,?,?,?,?,?) on conflict (target_id, revision_id) do nothing";
    this.insertDecomposition =
        "insert into "
            + tables.of("target_decomposition")
            + " (event_id, target_id, seq, amount, children, recorded_at, decomposed_by, reason)"
            + " values (?,?,?,?,?,?,?,?) on conflict (event_id) do nothing";
  }

  @Override
  public String processor() {
    return PROCESSOR;
  }

  @Override
  public List<String> tables() {
    return List.of(
        "target_view",
        "target_revision",
        "target_revision_request",
        "target_revision_decision",
        "target_decomposition");
  }

  @Override
  public Object writingInto(Tables tables) {
    return new TargetProjection(jdbc, tables);
  }

  private record Revision(
      String eventId,
      String targetId,
      long seq,
      String revisionId,
      String kind,
      BigDecimal amount,
      LocalDate effectiveFrom,
      Instant recordedAt,
      String requestedBy,
      String approvedBy,
      String reason) {}

  private record Decision(
      String targetId, String revisionId, String decision, String by, Instant at, String reason) {}

  private record Request(TargetRevisionRequested event, Instant at) {}

  private record Decomposition(String eventId, long seq, TargetDecomposed event, Instant at) {}

  private record Set(TargetSet event, Instant at) {}

  private static final class Pending {
    final List<Set> targets = new ArrayList<>();
    final List<Revision> revisions = new ArrayList<>();
    final List<Request> requests = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    final List<Decomposition> decompositions = new ArrayList<>();
  }

  private Pending pending() {
    return BatchScope.current(this, Pending::new, this::write);
  }

  @EventHandler
  void on(
      TargetSet e,
      @SequenceNumber long seq,
      @Timestamp Instant at,
      @MessageIdentifier String eventId) {
    Pending pending = pending();
    pending.targets.add(new Set(e, at));
    pending.revisions.add(
        new Revision(
            eventId,
            e.targetId(),
            seq,
            e.revisionId(),
            "SET",
            e.amount(),
            e.period().start(),
            at,
            e.setBy(),
            null,
            e.reason()));
  }

  @EventHandler
  void on(
      TargetRevised e,
      @SequenceNumber long seq,
      @Timestamp Instant at,
      @MessageIdentifier String eventId) {
    Pending pending = pending();
    pending.revisions.add(
        new Revision(
            eventId,
            e.targetId(),
            seq,
            e.revisionId(),
            "REVISED",
            e.amount(),
            e.effectiveFrom(),
            at,
            e.requestedBy(),
            e.approvedBy(),
            e.reason()));
    if (e.approvedBy() != null) {
      pending.decisions.add(
          new Decision(e.targetId(), e.revisionId(), "APPROVED", e.approvedBy(), at, e.reason()));
    }
  }

  /** Applies from the child's period start (its id ends with the period and the metric). */
  @EventHandler
  void on(
      TargetReapportioned e,
      @SequenceNumber long seq,
      @Timestamp Instant at,
      @MessageIdentifier String eventId) {
    Pending pending = pending();
    String[] parts = e.targetId().split(":");
    LocalDate start = Period.parse(parts[parts.length - 2]).start();
    pending.revisions.add(
        new Revision(
            eventId,
            e.targetId(),
            seq,
            e.revisionId(),
            "REAPPORTIONED",
            e.amount(),
            start,
            at,
            e.by(),
            null,
            e.reason()));
  }

  @EventHandler
  void on(TargetRevisionRequested e, @Timestamp Instant at) {
    pending().requests.add(new Request(e, at));
  }

  @EventHandler
  void on(TargetRevisionRejected e, @Timestamp Instant at) {
    pending()
        .decisions
        .add(
            new Decision(e.targetId(), e.revisionId(), "REJECTED", e.rejectedBy(), at, e.reason()));
  }

  @EventHandler
  void on(
      TargetDecomposed e,
      @SequenceNumber long seq,
      @Timestamp Instant at,
      @MessageIdentifier String eventId) {
    pending().decompositions.add(new Decomposition(eventId, seq, e, at));
  }

  private void write(Pending pending) {
    Batch.write(
        jdbc,
        insertTarget,
        pending.targets,
        (p, s) -> {
          TargetSet e = s.event();
          p.text(e.targetId())
              .text(e.scope().level().name())
              .text(e.scope().id())
              .text(e.teamOfRep())
              .text(e.period().toString())
              .date(e.period().start())
              .date(e.period().end())
              .text(e.metric().name())
              .text(e.currency())
              .text(e.parentId())
              .instant(s.at())
              .text(e.setBy());
        });
    Batch.write(
        jdbc,
        insertRevision,
        pending.revisions,
        (p, r) ->
            p.text(r.eventId())
                .text(r.targetId())
                .whole(r.seq())
                .text(r.revisionId())
                .text(r.kind())
                .number(r.amount())
                .date(r.effectiveFrom())
                .instant(r.recordedAt())
                .text(r.requestedBy())
                .text(r.approvedBy())
                .text(r.reason()));
    Batch.write(
        jdbc,
        insertRequest,
        pending.requests,
        (p, r) ->
            p.text(r.event().targetId())
                .text(r.event().revisionId())
                .number(r.event().amount())
                .date(r.event().effectiveFrom())
                .text(r.event().requestedBy())
                .instant(r.at())
                .text(r.event().reason()));
    Batch.write(
        jdbc,
        insertDecision,
        pending.decisions,
        (p, d) ->
            p.text(d.targetId())
                .text(d.revisionId())
                .text(d.decision())
                .text(d.by())
                .instant(d.at())
                .text(d.reason()));
    Batch.write(
        jdbc,
        insertDecomposition,
        pending.decompositions,
        (p, d) ->
            p.text(d.eventId())
                .text(d.event().targetId())
                .whole(d.seq())
                .number(d.event().amount())
                .text(
                    d.event().children().stream()
                        .map(c -> c.targetId() + "=" + c.amount().toPlainString())
                        .collect(Collectors.joining(",")))
                .instant(d.at())
                .text(d.event().decomposedBy())
                .text(d.event().reason()));
  }
}
