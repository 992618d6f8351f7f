package com.salesledger.query.dashboard;

import com.salesledger.events.common.Period;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.DataScope;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.input.DateRange;
import com.salesledger.query.common.AnswerCache;
import com.salesledger.query.common.Freshness;
import com.salesledger.query.target.TargetFigures;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dashboard/sales}: booked revenue and friends per group for a period, with
 * targets, attainment and held deals; {@code asOf} answers as the ledger knew things at that
 * instant.
 */
@RestController
@RequestMapping("/api/dashboard")
@Permitted(Permission.READ_LEDGER)
class DashboardController {

  private final SalesDashboard dashboard;
  private final AccessPolicy access;
  private final Freshness freshness;
  private final LedgerSettings settings;
  private final Clock clock;
  private final DateRange dates;
  private final AnswerCache answers;

  DashboardController(
      SalesDashboard dashboard,
      AccessPolicy access,
      Freshness freshness,
      LedgerSettings settings,
      Clock clock,
      DateRange dates,
      AnswerCache answers) {
    this.answers = answers;
    this.clock = clock;
    this.dates = dates;
    this.dashboard = dashboard;
    this.access = access;
    this.freshness = freshness;
    this.settings = settings;
  }

  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
  @GetMapping("/sales")
  ResponseEntity<byte[]> sales(
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
    dates.require("period", parsedPeriod);
    try {
      // Growth compares with the year before, which a Period cannot be before 1900.
      parsedPeriod.previousYear();
    } catch (IllegalArgumentException e) {
      throw LedgerProblem.invalid(
          "period", "must be after 1900 (growth compares it with the year before)");
    }
    try {
      parsedGroupBy = GroupBy.parse(groupBy);
    } catch (IllegalArgumentException e) {
      throw LedgerProblem.invalid("groupBy", e.getMessage());
    }
    Instant parsedAsOf = null;
    if (asOf != null) {
      try {
        parsedAsOf = Instant.parse(asOf);
      } catch (DateTimeParseException e) {
        throw LedgerProblem.invalid(
            "asOf", "must be an ISO-8601 instant, e.g. 2026-03-31T23:59:59Z");
      }
      dates.require("asOf", parsedAsOf);
      if (parsedAsOf.isAfter(clock.instant())) {
        throw LedgerProblem.invalid("asOf", "must not be in the future");
      }
    }
    long position = freshness.await(request, SalesProjection.PROCESSOR, TargetFigures.PROCESSOR);
    DataScope scope = access.scopeOfCurrentCaller();
    Period askedPeriod = parsedPeriod;
    GroupBy askedGroupBy = parsedGroupBy;
    Instant askedAsOf = parsedAsOf;
    return answers.answer(
        new AnswerCache.Question(
            "dashboard",
            askedPeriod + " " + askedGroupBy + " " + askedAsOf,
            scope,
            LocalDate.now(clock)),
        List.of(SalesProjection.PROCESSOR, TargetFigures.PROCESSOR),
        position,
        request,
        () -> body(askedPeriod, askedGroupBy, askedAsOf, scope, position));
  }

  private Map<String, Object> body(
      Period period, GroupBy groupBy, Instant asOf, DataScope scope, long position) {
    SalesDashboard.Result result = dashboard.compute(period, groupBy, scope, asOf);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", period.toString());
    body.put("from", period.start());
    body.put("to", period.end());
    body.put("groupBy", groupBy.parameter);
    if (asOf != null) {
      body.put("asOf", asOf.toString());
    }
    body.put("currency", settings.currency());
    if (!scope.unlimited()) {
      body.put("scope", scope.describe());
    }
    body.put("groups", result.groups());
    body.put("total", result.total());
    body.put("position", position);
    return body;
  }
}
