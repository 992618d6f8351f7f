package com.salesledger.query.deal;

import com.salesledger.events.deal.DealInvoiced;
import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.DealReassigned;
import com.salesledger.events.deal.DealStageChanged;
import com.salesledger.events.deal.DealWon;
import com.salesledger.query.common.Positions;
import com.salesledger.query.common.projection.Batch;
import com.salesledger.query.common.projection.BatchScope;
import com.salesledger.query.common.projection.RebuildableProjection;
import com.salesledger.query.common.projection.Tables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each deal's current state and version, for {@code GET /api/deals/{dealId}}. Events of one batch
 * are folded per deal in memory: a deal opened in the batch is one insert with its later changes
 * applied, any other deal one update; both are JDBC batches, in deal-id order (the same lock order
 * in every segment).
 */
@Component
@ProcessingGroup(DealProjection.PROCESSOR)
class DealProjection implements RebuildableProjection {

  static final String PROCESSOR = "deals";

  private final JdbcTemplate jdbc;
  private final String insert;
  private final String update;

  @Autowired
  DealProjection(JdbcTemplate jdbc) {
    this(jdbc, Tables.LIVE);
  }

  DealProjection(JdbcTemplate jdbc, Tables tables) {
    this.jdbc = jdbc;
    String table = tables.of("deal_view");
    this.insert =
        "insert into "
            + table
            + " (deal_id, customer_id, owner_rep, team, region, product_line, amount, currency,"
            + " expected_close_date, opened_on, stage, status, final_amount, cost, close_date,"
            + " lost_reason, invoiced_total, version, updated_at_position, updated_at)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) on conflict (deal_id) do nothing";
    this.update =
        "update "
            + table
            + " set owner_rep = coalesce(?, owner_rep), team = coalesce(?, team),"
            + " region = coalesce(?, region), stage = coalesce(?, stage),"
            + " status = coalesce(?, status), final_amount = coalesce(?, final_amount),"
            + " cost = coalesce(?, cost), close_date = coalesce(?, close_date),"
            + " lost_reason = coalesce(?, lost_reason),"
            + " invoiced_total = coalesce(?, invoiced_total), version = ?,"
            + " updated_at_position = ?, updated_at = ? where deal_id = ?";
  }

  @Override
  public String processor() {
    return PROCESSOR;
  }

  @Override
  public List<String> tables() {
    return List.of("deal_view");
  }

  @Override
  public Object writingInto(Tables tables) {
    return new DealProjection(jdbc, tables);
  }

  /** A deal's row as this batch leaves it: complete when opened here, else only what changed. */
  private static final class Row {
    DealOpened opened;
    String ownerRep;
    String team;
    String region;
    String stage;
    String status;
    BigDecimal finalAmount;
    BigDecimal cost;
    LocalDate closeDate;
    String lostReason;
    BigDecimal invoicedTotal;
    long version;
    long position;
    Instant at;
  }

  private Row row(String dealId, long version, TrackingToken token, Instant at) {
    Row row =
        BatchScope.current(this, TreeMap<String, Row>::new, this::write)
            .computeIfAbsent(dealId, id -> new Row());
    row.version = version;
    row.position = Positions.of(token);
    row.at = at;
    return row;
  }

  @EventHandler
  void on(DealOpened e, @SequenceNumber long version, TrackingToken token, @Timestamp Instant at) {
    Row row = row(e.dealId(), version, token, at);
    if (row.opened == null) {
      row.opened = e;
    }
  }

  @EventHandler
  void on(
      DealStageChanged e,
      @SequenceNumber long version,
      TrackingToken token,
      @Timestamp Instant at) {
    row(e.dealId(), version, token, at).stage = e.to().name();
  }

  @EventHandler
  void on(
      DealReassigned e, @SequenceNumber long version, TrackingToken token, @Timestamp Instant at) {
    Row row = row(e.dealId(), version, token, at);
    row.ownerRep = e.toRep();
    row.team = e.toTeam();
    row.region = e.toRegion();
  }

  @EventHandler
  void on(DealWon e, @SequenceNumber long version, TrackingToken token, @Timestamp Instant at) {
    Row row = row(e.dealId(), version, token, at);
    row.status = "WON";
    row.finalAmount = e.finalAmount();
    row.cost = e.cost();
    row.closeDate = e.closeDate();
  }

  /**
   * Won by the rep but held by the credit check: not booked (no amounts), shown as HELD (the status
   * column holds 10 characters) until a release, whose {@link DealWon} follows.
   */
  @EventHandler
  void on(
      DealPutOnCreditHold e,
      @SequenceNumber long version,
      TrackingToken token,
      @Timestamp Instant at) {
    row(e.dealId(), version, token, at).status = "HELD";
  }

  @EventHandler
  void on(DealLost e, @SequenceNumber long version, TrackingToken token, @Timestamp Instant at) {
    Row row = row(e.dealId(), version, token, at);
    row.status = "LOST";
    row.lostReason = e.reason();
    row.closeDate = e.closeDate();
  }

  @EventHandler
  void on(
      DealInvoiced e, @SequenceNumber long version, TrackingToken token, @Timestamp Instant at) {
    row(e.dealId(), version, token, at).invoicedTotal = e.invoicedTotal();
  }

  private void write(Map<String, Row> rows) {
    List<Row> opened = rows.values().stream().filter(r -> r.opened != null).toList();
    List<Map.Entry<String, Row>> changed =
        rows.entrySet().stream().filter(r -> r.getValue().opened == null).toList();
    Batch.write(
        jdbc,
        insert,
        opened,
        (p, r) -> {
          DealOpened o = r.opened;
          p.text(o.dealId())
              .text(o.customerId())
              .text(r.ownerRep != null ? r.ownerRep : o.ownerRep())
              .text(r.team != null ? r.team : o.team())
              .text(r.region != null ? r.region : o.region())
              .text(o.productLine())
              .number(o.amount())
              .text(o.currency())
              .date(o.expectedCloseDate())
              .date(o.openedOn())
              .text(r.stage != null ? r.stage : o.stage().name())
              .text(r.status != null ? r.status : "OPEN")
              .number(r.finalAmount)
              .number(r.cost)
              .date(r.closeDate)
              .text(r.lostReason)
              .number(r.invoicedTotal != null ? r.invoicedTotal : BigDecimal.ZERO)
              .whole(r.version)
              .whole(r.position)
              .instant(r.at);
        });
    Batch.write(
        jdbc,
        update,
        changed,
        (p, entry) -> {
          Row r = entry.getValue();
          p.text(r.ownerRep)
              .text(r.team)
              .text(r.region)
              .text(r.stage)
              .text(r.status)
              .number(r.finalAmount)
              .number(r.cost)
              .date(r.closeDate)
              .text(r.lostReason)
              .number(r.invoicedTotal)
              .whole(r.version)
              .whole(r.position)
              .instant(r.at)
              .text(entry.getKey());
        });
  }
}
