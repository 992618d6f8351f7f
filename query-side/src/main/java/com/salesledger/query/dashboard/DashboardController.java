package com.salesledger.query.dashboard;

import com.salesledger.events.common.Period;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.security.Actor;
import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.PositionHeader;
import com.salesledger.query.common.Freshness;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/dashboard/sales}: booked revenue and friends per group for a period. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

  private final SalesDashboard dashboard;
  private final Freshness freshness;
  private final LedgerSettings settings;

  DashboardController(SalesDashboard dashboard, Freshness freshness, LedgerSettings settings) {
    this.dashboard = dashboard;
    this.freshness = freshness;
    this.settings = settings;
  }

  @GetMapping("/sales")
  ResponseEntity<Map<String, Object>> sales(
      @RequestParam(required = false) String period,
      @RequestParam(defaultValue = "rep") String groupBy,
      @RequestParam(required = false) String asOf,
      HttpServletRequest request) {
    if (period == null) {
      throw LedgerProblem.invalid("period", "is required (YYYY, YYYY-Qn or YYYY-MM)");
    }
    Period parsedPeriod;
    GroupBy parsedGroupBy;
    try {
      parsedPeriod = Period.parse(period);
    } catch (IllegalArgumentException e) {
      throw LedgerProblem.invalid("period", e.getMessage());
    }
    try {
      parsedGroupBy = GroupBy.parse(groupBy);
    } catch (IllegalArgumentException e) {
      throw LedgerProblem.invalid("groupBy", e.getMessage());
    }
    if (asOf != null) {
      throw LedgerProblem.invalid(
          "asOf", "is not supported by the dashboard yet; it answers as of now");
    }
    long position = freshness.await(request, SalesProjection.PROCESSOR);
    Actor actor = Actor.current();
    SalesDashboard.Result result =
        dashboard.compute(parsedPeriod, parsedGroupBy, actor.isRepOnly() ? actor.name() : null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", parsedPeriod.toString());
    body.put("from", parsedPeriod.start());
    body.put("to", parsedPeriod.end());
    body.put("groupBy", parsedGroupBy.parameter);
    body.put("currency", settings.currency());
    if (actor.isRepOnly()) {
      body.put("scope", "own deals of " + actor.name());
    }
    body.put("groups", result.groups());
    body.put("total", result.total());
    body.put("position", position);
    return ResponseEntity.ok().header(PositionHeader.POSITION, Long.toString(position)).body(body);
  }
}
