package com.salesledger.query.credit;

import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.ScopeFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link CreditAccounts} over the tables {@link CreditProjection} writes. */
@Component
class JdbcCreditAccounts implements CreditAccounts {

  private final JdbcTemplate jdbc;

  JdbcCreditAccounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<CreditAccountView> asOf(String customerId, Instant asOf, DataScope scope) {
    // A credit account belongs to the customer, not to a rep: a limited scope sees the accounts of
    // customers it has a deal with (deal_view, filtered like every deal read).
    ScopeFilter filter = ScopeFilter.of(scope, "d.owner_rep", "d.team");
    List<Object> args = new ArrayList<>();
    args.add(customerId);
    args.add(asOf.atOffset(ZoneOffset.UTC));
    String inScope = "";
    if (!scope.unlimited()) {
      inScope =
          " and exists (select 1 from deal_view d where d.customer_id = h.customer_id and "
              + filter.sql()
              + ")";
      args.addAll(filter.args());
    }
    return jdbc
        .query(
            "select * from credit_account_history h where h.customer_id = ? and h.valid_from <= ?"
                + inScope
                + " order by h.valid_from desc, h.position desc limit 1",
            (rs, i) ->
                new CreditAccountView(
                    rs.getString("customer_id"),
                    asOf,
                    rs.getString("rating"),
                    rs.getBigDecimal("credit_limit"),
                    rs.getString("currency"),
                    rs.getInt("terms_days"),
                    rs.getBoolean("on_hold"),
                    rs.getString("hold_reason"),
                    instant(rs, "held_since"),
                    rs.getBigDecimal("exposure"),
                    rs.getBigDecimal("credit_limit").subtract(rs.getBigDecimal("exposure")),
                    rs.getLong("position"),
                    instant(rs, "valid_from")),
            args.toArray())
        .stream()
        .findFirst();
  }

  @Override
  public List<CreditWarningView> warnings() {
    return jdbc.query(
        "select * from credit_warning order by raised_at, position",
        (rs, i) -> {
          long days = rs.getLong("oldest_days_overdue");
          Long oldestDays = rs.wasNull() ? null : days;
          return new CreditWarningView(
              rs.getString("customer_id"),
              instant(rs, "raised_at"),
              rs.getObject("evaluated_on", java.time.LocalDate.class),
              Arrays.asList(rs.getString("reasons").split(",")),
              rs.getBigDecimal("exposure"),
              rs.getBigDecimal("credit_limit"),
              rs.getString("oldest_invoice_id"),
              oldestDays,
              rs.getBoolean("past_hard_threshold"),
              rs.getLong("position"));
        });
  }

  @Override
  public List<InboxItem> inbox(InboxQuery query) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where true");
    if (query.kind() != null) {
      where.append(" and kind = ?");
      args.add(query.kind());
    }
    if (query.customerId() != null) {
      where.append(" and customer_id = ?");
      args.add(query.customerId());
    }
    if (query.after() != null) {
      InboxQuery.After after = query.after();
      where.append(" and (since_key, position, kind) > (?::timestamptz, ?, ?)");
      args.add(after.since() == null ? "infinity" : after.since().toString());
      args.add(after.position());
      args.add(after.kind());
    }
    boolean limited = query.limit() != Integer.MAX_VALUE;
    if (limited) {
      args.add(query.limit());
    }
    // one total order (when it began, then the event's position and the kind: see
    // InboxQuery.After), so a page goes on exactly after the item that ended the one before
    return jdbc.query(
        "select * from (select 'ACCOUNT_HOLD' as kind, customer_id, null as deal_id,"
            + " null::numeric as amount, hold_reason as reason, held_since as since, position"
            + " from credit_account_current where on_hold"
            + " union all"
            + " select 'DEAL_HOLD', customer_id, deal_id, amount, reasons, held_at, position"
            + " from credit_held_deal"
            + " union all"
            + " select 'WARNING', customer_id, null, exposure, reasons, raised_at, position"
            + " from credit_warning) items"
            + " cross join lateral (select coalesce(since, 'infinity') as since_key) k"
            + where
            + " order by since_key, position, kind"
            + (limited ? " limit ?" : ""),
        (rs, i) ->
            new InboxItem(
                rs.getString("kind"),
                rs.getString("customer_id"),
                rs.getString("deal_id"),
                rs.getBigDecimal("amount"),
                rs.getString("reason"),
                instant(rs, "since"),
                rs.getLong("position")),
        args.toArray());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
