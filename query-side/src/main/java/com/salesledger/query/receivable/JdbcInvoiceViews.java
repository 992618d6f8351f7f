package com.salesledger.query.receivable;

import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.ScopeFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link InvoiceViews} over {@code invoice_view} and its dated {@code invoice_movement}s, which
 * {@link InvoiceProjection} writes: settlements count only when dated on or before the as-of day.
 */
@Component
class JdbcInvoiceViews implements InvoiceViews {

  private final JdbcTemplate jdbc;

  JdbcInvoiceViews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<InvoiceView> find(String invoiceId, LocalDate asOf, DataScope scope) {
    ScopeFilter filter = ScopeFilter.of(scope, "i.owner_rep", "i.team");
    List<Object> args = new ArrayList<>();
    args.add(asOf);
    args.addAll(filter.args());
    args.add(invoiceId);
    return jdbc
        .query(
            "select i.invoice_id, i.deal_id, i.customer_id, i.owner_rep, i.team, i.region,"
                + " i.currency, i.issue_date, i.due_date, i.amount, i.version,"
                + " i.updated_at_position,"
                + " coalesce(sum(m.amount) filter (where m.kind = 'paid'), 0)::numeric(15,2)"
                + " as paid_asof,"
                + " coalesce(sum(m.amount) filter (where m.kind = 'credited'), 0)::numeric(15,2)"
                + " as credited_asof,"
                + " coalesce(sum(m.amount) filter (where m.kind = 'written_off'), 0)"
                + "::numeric(15,2) as written_off_asof"
                + " from invoice_view i left join invoice_movement m"
                + " on m.invoice_id = i.invoice_id and m.on_date <= ?"
                + " where "
                + filter.sql()
                + " and i.invoice_id = ? group by i.invoice_id",
            (rs, i) -> {
              BigDecimal amount = rs.getBigDecimal("amount");
              BigDecimal paid = rs.getBigDecimal("paid_asof");
              BigDecimal credited = rs.getBigDecimal("credited_asof");
              BigDecimal writtenOff = rs.getBigDecimal("written_off_asof");
              BigDecimal open = amount.subtract(paid).subtract(credited).subtract(writtenOff);
              LocalDate due = rs.getObject("due_date", LocalDate.class);
              long overdue =
                  open.signum() > 0 ? Math.max(0, ChronoUnit.DAYS.between(due, asOf)) : 0;
              return new InvoiceView(
                  rs.getString("invoice_id"),
                  rs.getString("deal_id"),
                  rs.getString("customer_id"),
                  rs.getString("owner_rep"),
                  rs.getString("team"),
                  rs.getString("region"),
                  rs.getString("currency"),
                  rs.getObject("issue_date", LocalDate.class),
                  due,
                  asOf,
                  amount,
                  paid,
                  credited,
                  writtenOff,
                  open,
                  overdue,
                  InvoiceView.status(open, overdue, writtenOff),
                  rs.getLong("version"),
                  rs.getLong("updated_at_position"));
            },
            args.toArray())
        .stream()
        .findFirst();
  }
}
