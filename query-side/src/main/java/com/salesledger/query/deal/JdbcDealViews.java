package com.salesledger.query.deal;

import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.ScopeFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link DealViews} over the {@code deal_view} table that {@link DealProjection} writes. */
@Component
class JdbcDealViews implements DealViews {

  private static final String SELECT =
      "select deal_id, customer_id, owner_rep, team, region, product_line, amount, currency,"
          + " expected_close_date, opened_on, stage, status, final_amount, cost, close_date,"
          + " lost_reason, invoiced_total, version, updated_at_position, updated_at"
          + " from deal_view where ";

  private final JdbcTemplate jdbc;

  JdbcDealViews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<DealView> find(String dealId, DataScope scope) {
    ScopeFilter filter = inScope(scope);
    List<Object> args = new ArrayList<>(filter.args());
    args.add(dealId);
    return jdbc
        .query(SELECT + filter.sql() + " and deal_id = ?", JdbcDealViews::row, args.toArray())
        .stream()
        .findFirst();
  }

  @Override
  public List<DealView> list(Selection selection, DataScope scope) {
    ScopeFilter filter = inScope(scope);
    StringBuilder sql = new StringBuilder(SELECT).append(filter.sql());
    List<Object> args = new ArrayList<>(filter.args());
    if (selection.owner() != null) {
      sql.append(" and owner_rep = ?");
      args.add(selection.owner());
    }
    if (selection.status() != null) {
      sql.append(" and status = ?");
      args.add(selection.status());
    }
    sql.append(" order by opened_on desc, deal_id limit ? offset ?");
    args.add(selection.size());
    args.add((long) selection.page() * selection.size());
    return jdbc.query(sql.toString(), JdbcDealViews::row, args.toArray());
  }

  private static ScopeFilter inScope(DataScope scope) {
    return ScopeFilter.of(scope, "owner_rep", "team");
  }

  private static DealView row(ResultSet rs, int i) throws SQLException {
    return new DealView(
        rs.getString("deal_id"),
        rs.getString("customer_id"),
        rs.getString("owner_rep"),
        rs.getString("team"),
        rs.getString("region"),
        rs.getString("product_line"),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        rs.getObject("expected_close_date", LocalDate.class),
        rs.getObject("opened_on", LocalDate.class),
        rs.getString("stage"),
        rs.getString("status"),
        rs.getBigDecimal("final_amount"),
        rs.getBigDecimal("cost"),
        rs.getObject("close_date", LocalDate.class),
        rs.getString("lost_reason"),
        rs.getBigDecimal("invoiced_total"),
        rs.getLong("version"),
        rs.getLong("updated_at_position"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
