package com.salesledger.query.target;

import com.salesledger.events.target.ScopeLevel;
import com.salesledger.platform.security.DataScope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link TargetViews} over {@code target_view}, {@code target_revision} and {@code target_child}
 * ({@link TargetProjection}): three or four indexed reads per answer, whatever the ledger's size.
 * Which revision is in force is decided in one place, {@link #inForce}, which {@link
 * JdbcTargetFigures} mirrors in SQL.
 */
@Component
class JdbcTargetViews implements TargetViews {

  private record Row(
      String targetId,
      ScopeLevel level,
      String scopeId,
      String period,
      LocalDate periodEnd,
      String metric,
      String currency,
      String parentId) {}

  private record Stored(
      String revisionId,
      String kind,
      BigDecimal amount,
      LocalDate effectiveFrom,
      Instant recordedAt,
      String requestedBy,
      String reason,
      String status,
      Instant appliedAt,
      Instant decidedAt,
      String decidedBy,
      String decisionReason,
      long position) {}

  private final JdbcTemplate jdbc;

  JdbcTargetViews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<TargetView> list(Selection selection, DataScope scope) {
    return answer(null, selection, scope);
  }

  @Override
  public Optional<TargetView> find(String targetId, Selection selection, DataScope scope) {
    return answer(targetId, selection, scope).stream().findFirst();
  }

  private List<TargetView> answer(String targetId, Selection s, DataScope scope) {
    StringBuilder where = new StringBuilder(" where set_at <= ?");
    List<Object> args = new ArrayList<>();
    args.add(Timestamp.from(s.asOf()));
    if (targetId != null) {
      where.append(" and target_id = ?");
      args.add(targetId);
    }
    if (s.level() != null) {
      where.append(" and level = ?");
      args.add(s.level().name());
    }
    if (s.scopeId() != null) {
      where.append(" and scope_id = ?");
      args.add(s.scopeId());
    }
    if (s.period() != null) {
      where.append(" and period = ?");
      args.add(s.period());
    }
    if (s.metric() != null) {
      where.append(" and metric = ?");
      args.add(s.metric().name());
    }
    TargetScopeFilter covered = TargetScopeFilter.of(scope, "");
    where.append(covered.sql());
    args.addAll(covered.args());
    List<Row> targets =
        jdbc.query(
            "select * from target_view" + where + " order by target_id limit " + LIMIT,
            (rs, i) -> row(rs),
            args.toArray());
    if (targets.isEmpty()) {
      return List.of();
    }
    String[] ids = targets.stream().map(Row::targetId).toArray(String[]::new);
    Map<String, List<String>> children = new LinkedHashMap<>();
    jdbc.query(
        "select parent_id, child_id from target_child where parent_id = any(?)"
            + " and recorded_at <= ? order by parent_id, child_id",
        rs -> {
          children
              .computeIfAbsent(rs.getString("parent_id"), k -> new ArrayList<>())
              .add(rs.getString("child_id"));
        },
        ids,
        Timestamp.from(s.asOf()));
    Map<String, LocalDate> childEnds = new HashMap<>();
    String[] childIds = children.values().stream().flatMap(List::stream).toArray(String[]::new);
    if (childIds.length > 0) {
      jdbc.query(
          "select target_id, period_end from target_view where target_id = any(?)",
          rs -> {
            childEnds.put(rs.getString("target_id"), rs.getObject("period_end", LocalDate.class));
          },
          (Object) childIds);
    }
    String[] all = new String[ids.length + childIds.length];
    System.arraycopy(ids, 0, all, 0, ids.length);
    System.arraycopy(childIds, 0, all, ids.length, childIds.length);
    Map<String, List<Stored>> revisions = new HashMap<>();
    jdbc.query(
        "select * from target_revision where target_id = any(?) and recorded_at <= ?"
            + " order by target_id, position",
        rs -> {
          revisions
              .computeIfAbsent(rs.getString("target_id"), k -> new ArrayList<>())
              .add(stored(rs));
        },
        all,
        Timestamp.from(s.asOf()));
    List<TargetView> answers = new ArrayList<>();
    for (Row t : targets) {
      List<Stored> history = revisions.getOrDefault(t.targetId(), List.of());
      LocalDate on =
          s.effectiveOn() != null
              ? s.effectiveOn()
              : (s.today().isAfter(t.periodEnd()) ? t.periodEnd() : s.today());
      BigDecimal amount = inForce(history, on, s.asOf());
      BigDecimal latest = inForce(history, t.periodEnd(), s.asOf());
      List<String> kids = children.getOrDefault(t.targetId(), List.of());
      BigDecimal childrenTotal = null;
      if (!kids.isEmpty()) {
        childrenTotal = BigDecimal.ZERO;
        for (String kid : kids) {
          BigDecimal part =
              inForce(revisions.getOrDefault(kid, List.of()), childEnds.get(kid), s.asOf());
          childrenTotal = childrenTotal.add(part == null ? BigDecimal.ZERO : part);
        }
      }
      boolean outOfBalance =
          childrenTotal != null && latest != null && childrenTotal.compareTo(latest) != 0;
      List<TargetView.Revision> shown = history.stream().map(r -> asSeen(r, s.asOf())).toList();
      answers.add(
          new TargetView(
              t.targetId(),
              new TargetView.Scope(t.level(), t.scopeId()),
              t.period(),
              t.metric(),
              t.currency(),
              on,
              s.asOf(),
              amount,
              latest,
              t.parentId(),
              kids,
              childrenTotal,
              outOfBalance,
              shown,
              shown.stream().filter(r -> r.status().equals("PENDING")).toList()));
    }
    return answers;
  }

  /**
   * The amount in force on {@code on} as known at {@code asOf}: of the revisions in force by then
   * (recorded, or approved, at or before it) that apply on that day, the one with the latest
   * effective day, and of those the latest to come into force. Null if none (not yet set).
   */
  private static BigDecimal inForce(List<Stored> history, LocalDate on, Instant asOf) {
    return history.stream()
        .filter(r -> r.appliedAt() != null && !r.appliedAt().isAfter(asOf))
        .filter(r -> r.effectiveFrom() == null || (on != null && !r.effectiveFrom().isAfter(on)))
        .max(
            Comparator.comparing(
                    (Stored r) -> r.effectiveFrom() == null ? LocalDate.MIN : r.effectiveFrom())
                .thenComparing(Stored::appliedAt)
                .thenComparingLong(Stored::position))
        .map(Stored::amount)
        .orElse(null);
  }

  /** The revision as it stood at {@code asOf}: a decision taken later is not known yet. */
  private static TargetView.Revision asSeen(Stored r, Instant asOf) {
    boolean decidedByThen = r.decidedAt() != null && !r.decidedAt().isAfter(asOf);
    boolean immediate = "APPLIED".equals(r.status()) && r.decidedAt() == null;
    String status = immediate || decidedByThen ? r.status() : "PENDING";
    boolean approved = decidedByThen && "APPLIED".equals(r.status());
    boolean rejected = decidedByThen && "REJECTED".equals(r.status());
    return new TargetView.Revision(
        r.revisionId(),
        r.kind(),
        r.amount(),
        r.effectiveFrom(),
        r.recordedAt(),
        r.requestedBy(),
        r.reason(),
        status,
        status.equals("APPLIED") ? r.appliedAt() : null,
        approved ? r.decidedBy() : null,
        rejected ? r.decidedBy() : null,
        decidedByThen ? r.decidedAt() : null,
        decidedByThen ? r.decisionReason() : null);
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getString("target_id"),
        ScopeLevel.valueOf(rs.getString("level")),
        rs.getString("scope_id"),
        rs.getString("period"),
        rs.getObject("period_end", LocalDate.class),
        rs.getString("metric"),
        rs.getString("currency"),
        rs.getString("parent_id"));
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    return new Stored(
        rs.getString("revision_id"),
        rs.getString("kind"),
        rs.getBigDecimal("amount"),
        rs.getObject("effective_from", LocalDate.class),
        instant(rs, "recorded_at"),
        rs.getString("requested_by"),
        rs.getString("reason"),
        rs.getString("status"),
        instant(rs, "applied_at"),
        instant(rs, "decided_at"),
        rs.getString("decided_by"),
        rs.getString("decision_reason"),
        rs.getLong("position"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
