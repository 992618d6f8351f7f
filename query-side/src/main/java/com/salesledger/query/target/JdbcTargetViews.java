package com.salesledger.query.target;

import com.salesledger.events.common.Period;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.target.TargetView.Child;
import com.salesledger.query.target.TargetView.Decomposition;
import com.salesledger.query.target.TargetView.PendingRevision;
import com.salesledger.query.target.TargetView.Revision;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Targets in four indexed reads: the targets (filtered by the data scope in SQL), then their
 * revisions, waiting revisions and decompositions recorded by {@code asOf}, each by target id. What
 * applied on a day is decided here from those rows, the same way for every target.
 */
@Component
class JdbcTargetViews implements TargetViews {

  private final JdbcTemplate jdbc;

  JdbcTargetViews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private record Row(
      String targetId,
      String level,
      String scopeId,
      String period,
      String metric,
      String currency,
      String parentId) {}

  private record StoredRevision(long seq, Revision revision) {}

  @Override
  public List<TargetView> list(Query query, DataScope scope) {
    return read(null, query, scope);
  }

  @Override
  public Optional<TargetView> find(String targetId, Query query, DataScope scope) {
    return read(targetId, query, scope).stream().findFirst();
  }

  private List<TargetView> read(String targetId, Query query, DataScope scope) {
    StringBuilder sql =
        new StringBuilder(
            "select target_id, scope_level, scope_id, period, metric, currency, parent_id"
                + " from target_view where set_at <= ?");
    List<Object> args = new ArrayList<>();
    args.add(Timestamp.from(query.asOf()));
    if (targetId != null) {
      sql.append(" and target_id = ?");
      args.add(targetId);
    }
    if (query.level() != null) {
      sql.append(" and scope_level = ?");
      args.add(query.level().name());
    }
    if (query.scopeId() != null) {
      sql.append(" and scope_id = ?");
      args.add(query.scopeId());
    }
    if (query.period() != null) {
      sql.append(" and period = ?");
      args.add(query.period().toString());
    }
    if (query.metric() != null) {
      sql.append(" and metric = ?");
      args.add(query.metric().name());
    }
    if (!scope.unlimited()) {
      // A rep target is covered by its rep or the rep's team; a team target by the team; region
      // and company targets only by an unlimited scope.
      String[] reps = scope.reps().toArray(String[]::new);
      String[] teams = scope.teams().toArray(String[]::new);
      sql.append(
          " and ((scope_level = 'REP' and (scope_id = any(?) or team_of_rep = any(?)))"
              + " or (scope_level = 'TEAM' and scope_id = any(?)))");
      args.add(reps);
      args.add(teams);
      args.add(teams);
    }
    sql.append(" order by target_id limit ").append(LIMIT);
    List<Row> rows =
        jdbc.query(
            sql.toString(),
            (rs, n) ->
                new Row(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)),
            args.toArray());
    if (rows.isEmpty()) {
      return List.of();
    }
    String[] ids = rows.stream().map(Row::targetId).toArray(String[]::new);
    Timestamp asOf = Timestamp.from(query.asOf());
    Map<String, List<StoredRevision>> revisions = new HashMap<>();
    jdbc.query(
        "select target_id, seq, revision_id, kind, amount, effective_from, recorded_at,"
            + " requested_by, approved_by, reason from target_revision"
            + " where target_id = any(?) and recorded_at <= ? order by target_id, seq",
        rs -> {
          revisions
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new StoredRevision(
                      rs.getLong(2),
                      new Revision(
                          rs.getString(3),
                          rs.getString(4),
                          rs.getBigDecimal(5),
                          rs.getObject(6, LocalDate.class),
                          instant(rs, 7),
                          rs.getString(8),
                          rs.getString(9),
                          rs.getString(10))));
        },
        ids,
        asOf);
    Set<String> decided = new HashSet<>();
    jdbc.query(
        "select target_id, revision_id from target_revision_decision"
            + " where target_id = any(?) and decided_at <= ?",
        rs -> {
          decided.add(rs.getString(1) + "\n" + rs.getString(2));
        },
        ids,
        asOf);
    Map<String, List<PendingRevision>> waiting = new HashMap<>();
    jdbc.query(
        "select target_id, revision_id, amount, effective_from, requested_by, requested_at, reason"
            + " from target_revision_request where target_id = any(?) and requested_at <= ?"
            + " order by target_id, requested_at",
        rs -> {
          if (!decided.contains(rs.getString(1) + "\n" + rs.getString(2))) {
            waiting
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(
                    new PendingRevision(
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        instant(rs, 6),
                        rs.getString(7)));
          }
        },
        ids,
        asOf);
    Map<String, Decomposition> decompositions = new HashMap<>();
    jdbc.query(
        "select target_id, amount, children, recorded_at, decomposed_by, reason"
            + " from target_decomposition where target_id = any(?) and recorded_at <= ?"
            + " order by target_id, seq",
        rs -> {
          decompositions.put(
              rs.getString(1),
              new Decomposition(
                  rs.getBigDecimal(2),
                  children(rs.getString(3)),
                  instant(rs, 4),
                  rs.getString(5),
                  rs.getString(6)));
        },
        ids,
        asOf);
    List<TargetView> views = new ArrayList<>();
    for (Row row : rows) {
      List<StoredRevision> history = revisions.getOrDefault(row.targetId(), List.of());
      if (history.isEmpty()) {
        continue;
      }
      Period period = Period.parse(row.period());
      LocalDate on = effectiveOn(query, period);
      BigDecimal inForce = amountOn(history, on);
      BigDecimal latest = history.get(history.size() - 1).revision().amount();
      Decomposition decomposition = decompositions.get(row.targetId());
      boolean outOfBalance = decomposition != null && decomposition.amount().compareTo(latest) != 0;
      views.add(
          new TargetView(
              row.targetId(),
              new TargetView.Scope(row.level(), row.scopeId()),
              row.period(),
              row.metric(),
              row.currency(),
              row.parentId(),
              on,
              query.asOf(),
              inForce,
              history.stream().map(StoredRevision::revision).toList(),
              waiting.getOrDefault(row.targetId(), List.of()),
              decomposition,
              outOfBalance));
    }
    return views;
  }

  /** The day asked, or today within the period (a past period's last day, a future's first). */
  static LocalDate effectiveOn(Query query, Period period) {
    LocalDate on = query.effectiveOn() != null ? query.effectiveOn() : query.today();
    if (query.effectiveOn() == null && on.isAfter(period.end())) {
      return period.end();
    }
    return on;
  }

  /**
   * The revision recorded last among those effective by {@code on} (a later recording replaces what
   * was known from its effective day on); before the period starts, the amount first set.
   */
  static BigDecimal amountOn(List<StoredRevision> history, LocalDate on) {
    BigDecimal amount = history.get(0).revision().amount();
    for (StoredRevision stored : history) {
      if (!stored.revision().effectiveFrom().isAfter(on)) {
        amount = stored.revision().amount();
      }
    }
    return amount;
  }

  private static List<Child> children(String text) {
    List<Child> children = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return children;
    }
    for (String part : text.split(",")) {
      int eq = part.lastIndexOf('=');
      children.add(new Child(part.substring(0, eq), new BigDecimal(part.substring(eq + 1))));
    }
    return children;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
