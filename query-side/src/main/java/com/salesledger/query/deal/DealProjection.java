package com.salesledger.query.deal;

import com.salesledger.events.deal.DealInvoiced;
import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealReassigned;
import com.salesledger.events.deal.DealStageChanged;
import com.salesledger.events.deal.DealWon;
import com.salesledger.query.common.Positions;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each deal's current state and version, for {@code GET /api/deals/{dealId}}. */
@Component
@ProcessingGroup(DealProjection.PROCESSOR)
class DealProjection {

  static final String PROCESSOR = "deals";

  private final JdbcTemplate jdbc;

  DealProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(DealOpened e, @SequenceNumber long version, TrackingToken token, @Timestamp Instant at) {
    jdbc.update(
        "insert into deal_view (deal_id, customer_id, owner_rep, team, region, product_line,"
            + " amount, currency, expected_close_date, opened_on, stage, status, version,"
            + " updated_at_position, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,'OPEN',?,?,?)"
            + " on conflict (deal_id) do nothing",
        e.dealId(),
        e.customerId(),
        e.ownerRep(),
        e.team(),
        e.region(),
        e.productLine(),
        e.amount(),
        e.currency(),
        e.expectedCloseDate(),
        e.openedOn(),
        e.stage().name(),
        version,
        Positions.of(token),
        java.sql.Timestamp.from(at));
  }

  @EventHandler
  void on(
      DealStageChanged e,
      @SequenceNumber long version,
      TrackingToken token,
      @Timestamp Instant at) {
    touch("stage = ?", e.dealId(), version, token, at, e.to().name());
  }

  @EventHandler
  void on(
      DealReassigned e, @SequenceNumber long version, TrackingToken token, @Timestamp Instant at) {
    touch(
        "owner_rep = ?, team = ?, region = ?",
        e.dealId(),
        version,
        token,
        at,
        e.toRep(),
        e.toTeam(),
        e.toRegion());
  }

  @EventHandler
  void on(DealWon e, @SequenceNumber long version, TrackingToken token, @Timestamp Instant at) {
    touch(
        "status = 'WON', final_amount = ?, cost = ?, close_date = ?",
        e.dealId(),
        version,
        token,
        at,
        e.finalAmount(),
        e.cost(),
        e.closeDate());
  }

  @EventHandler
  void on(DealLost e, @SequenceNumber long version, TrackingToken token, @Timestamp Instant at) {
    touch(
        "status = 'LOST', lost_reason = ?, close_date = ?",
        e.dealId(),
        version,
        token,
        at,
        e.reason(),
        e.closeDate());
  }

  @EventHandler
  void on(
      DealInvoiced e, @SequenceNumber long version, TrackingToken token, @Timestamp Instant at) {
    touch("invoiced_total = ?", e.dealId(), version, token, at, e.invoicedTotal());
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from deal_view");
  }

  private void touch(
      String assignments,
      String dealId,
      long version,
      TrackingToken token,
      Instant at,
      Object... values) {
    Object[] args = new Object[values.length + 4];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = version;
    args[values.length + 1] = Positions.of(token);
    args[values.length + 2] = java.sql.Timestamp.from(at);
    args[values.length + 3] = dealId;
    jdbc.update(
        "update deal_view set "
            + assignments
            + ", version = ?, updated_at_position = ?, updated_at = ? where deal_id = ?",
        args);
  }
}
