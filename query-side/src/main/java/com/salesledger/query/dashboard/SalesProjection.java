package com.salesledger.query.dashboard;

import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealWon;
import java.time.temporal.ChronoUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Closed deals rolled up by close month and attribution at close time, plus each customer's first
 * won deal. Additive upserts: the token is stored in the same transaction, so each event counts
 * exactly once.
 */
@Component
@ProcessingGroup(SalesProjection.PROCESSOR)
class SalesProjection {

  static final String PROCESSOR = "sales";

  private final JdbcTemplate jdbc;

  SalesProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(DealWon e) {
    long cycleDays = ChronoUnit.DAYS.between(e.openedOn(), e.closeDate());
    jdbc.update(
        "insert into sales_month (month, rep, team, region, product_line, revenue, cost,"
            + " deals_won, cycle_days_won) values (date_trunc('month', ?::date)::date, ?, ?, ?, ?,"
            + " ?, ?, 1, ?) on conflict (month, rep, team, region, product_line) do update set"
            + " revenue = sales_month.revenue + excluded.revenue,"
            + " cost = sales_month.cost + excluded.cost,"
            + " deals_won = sales_month.deals_won + 1,"
            + " cycle_days_won = sales_month.cycle_days_won + excluded.cycle_days_won",
        e.closeDate(),
        e.ownerRep(),
        e.team(),
        e.region(),
        e.productLine(),
        e.finalAmount(),
        e.cost(),
        cycleDays);
    jdbc.update(
        "insert into customer_first_win (customer_id, deal_id, close_date, rep, team, region,"
            + " product_line) values (?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (customer_id) do update set deal_id = excluded.deal_id,"
            + " close_date = excluded.close_date,"
            + " rep = excluded.rep, team = excluded.team, region = excluded.region,"
            + " product_line = excluded.product_line"
            + " where (excluded.close_date, excluded.deal_id)"
            + " < (customer_first_win.close_date, customer_first_win.deal_id)",
        e.customerId(),
        e.dealId(),
        e.closeDate(),
        e.ownerRep(),
        e.team(),
        e.region(),
        e.productLine());
  }

  @EventHandler
  void on(DealLost e) {
    jdbc.update(
        "insert into sales_month (month, rep, team, region, product_line, deals_lost)"
            + " values (date_trunc('month', ?::date)::date, ?, ?, ?, ?, 1)"
            + " on conflict (month, rep, team, region, product_line) do update set"
            + " deals_lost = sales_month.deals_lost + 1",
        e.closeDate(),
        e.ownerRep(),
        e.team(),
        e.region(),
        e.productLine());
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from sales_month");
    jdbc.update("delete from customer_first_win");
  }
}
