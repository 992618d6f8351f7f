package com.salesledger.query.dashboard;

import com.salesledger.events.common.Period;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.DataScope;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
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
@Permitted(Permission.READ_LEDGER)
class DashboardController {

  private final SalesDashboard dashboard;
  private final AccessPolicy access;
  private final Freshness freshness;
  private final LedgerSettings settings;

  DashboardController(
      SalesDashboard dashboard, AccessPolicy access, Freshness freshness, LedgerSettings settings) {
    this.dashboard = dashboard;
    this.access = access;
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
    DataScope scope = access.scopeOfCurrentCaller();
    SalesDashboard.Result result = dashboard.compute(parsedPeriod, parsedGroupBy, scope);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", parsedPeriod.toString());
    body.put("from", parsedPeriod.start());
    body.put("to", parsedPeriod.end());
    body.put("groupBy", parsedGroupBy.parameter);
    body.put("currency", settings.currency());
    if (!scope.unlimited()) {
      body.put("scope", scope.describe());
    }
    body.put("groups", result.groups());
    body.put("total", result.total());
    body.put("position", position);
    return ResponseEntity.ok().header(PositionHeader.POSITION, Long.toString(position)).body(body);
  }
}
