package com.salesledger.query.deal;

import com.salesledger.platform.security.Actor;
import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.PositionHeader;
import com.salesledger.query.common.Freshness;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deals as they stand. A rep sees only their own deals; every other role sees all. */
@RestController
@RequestMapping("/api/deals")
@Validated
class DealQueryController {

  private static final String COLUMNS =
      "deal_id, customer_id, owner_rep, team, region, product_line, amount, currency,"
          + " expected_close_date, opened_on, stage, status, final_amount, cost, close_date,"
          + " lost_reason, invoiced_total, version, updated_at_position, updated_at";

  private static final RowMapper<DealView> ROW = DealQueryController::row;

  private final JdbcTemplate jdbc;
  private final Freshness freshness;

  DealQueryController(JdbcTemplate jdbc, Freshness freshness) {
    this.jdbc = jdbc;
    this.freshness = freshness;
  }

  @GetMapping("/{dealId}")
  ResponseEntity<DealView> deal(@PathVariable String dealId, HttpServletRequest request) {
    long position = freshness.await(request, DealProjection.PROCESSOR);
    DealView deal =
        jdbc.query("select " + COLUMNS + " from deal_view where deal_id = ?", ROW, dealId).stream()
            .findFirst()
            .orElseThrow(() -> LedgerProblem.notFound("No deal " + dealId + "."));
    Actor actor = Actor.current();
    if (actor.isRepOnly() && !deal.ownerRep().equals(actor.name())) {
      throw LedgerProblem.forbidden("A rep may see only their own deals.");
    }
    return ResponseEntity.ok().header(PositionHeader.POSITION, Long.toString(position)).body(deal);
  }

  /** Deals newest first, filtered by owner and status; a rep's list is always their own. */
  @GetMapping
  ResponseEntity<Map<String, Object>> deals(
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
      HttpServletRequest request) {
    long position = freshness.await(request, DealProjection.PROCESSOR);
    Actor actor = Actor.current();
    if (actor.isRepOnly()) {
      if (owner != null && !owner.equals(actor.name())) {
        throw LedgerProblem.forbidden("A rep may see only their own deals.");
      }
      owner = actor.name();
    }
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from deal_view where true");
    List<Object> args = new ArrayList<>();
    if (owner != null) {
      sql.append(" and owner_rep = ?");
      args.add(owner);
    }
    if (status != null) {
      if (!List.of("OPEN", "WON", "LOST").contains(status)) {
        throw LedgerProblem.invalid("status", "must be OPEN, WON or LOST");
      }
      sql.append(" and status = ?");
      args.add(status);
    }
    sql.append(" order by opened_on desc, deal_id limit ? offset ?");
    args.add(size);
    args.add((long) page * size);
    List<DealView> deals = jdbc.query(sql.toString(), ROW, args.toArray());
    return ResponseEntity.ok()
        .header(PositionHeader.POSITION, Long.toString(position))
        .body(Map.of("page", page, "size", size, "deals", deals));
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
        rs.getObject("expected_close_date", java.time.LocalDate.class),
        rs.getObject("opened_on", java.time.LocalDate.class),
        rs.getString("stage"),
        rs.getString("status"),
        rs.getBigDecimal("final_amount"),
        rs.getBigDecimal("cost"),
        rs.getObject("close_date", java.time.LocalDate.class),
        rs.getString("lost_reason"),
        rs.getBigDecimal("invoiced_total"),
        rs.getLong("version"),
        rs.getLong("updated_at_position"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
