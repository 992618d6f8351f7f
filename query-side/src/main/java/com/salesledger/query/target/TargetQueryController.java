package com.salesledger.query.target;

import com.salesledger.events.common.Period;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.PositionHeader;
import com.salesledger.platform.web.input.DateRange;
import com.salesledger.query.common.Freshness;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Targets in effect on a business day ({@code effectiveOn}; default today, or the period's last day
 * for a past period) as the ledger knew them at an instant ({@code asOf}; default now), within the
 * caller's data scope as of that day.
 */
@RestController
@RequestMapping("/api/targets")
@Permitted(Permission.READ_LEDGER)
class TargetQueryController {

  private final TargetViews targets;
  private final AccessPolicy access;
  private final Freshness freshness;
  private final Clock clock;
  private final DateRange dates;

  TargetQueryController(
      TargetViews targets, AccessPolicy access, Freshness freshness, Clock clock, DateRange dates) {
    this.targets = targets;
    this.access = access;
    this.freshness = freshness;
    this.clock = clock;
    this.dates = dates;
  }

  @GetMapping
  ResponseEntity<Map<String, Object>> targets(
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String metric,
      @RequestParam(required = false) String effectiveOn,
      @RequestParam(required = false) String asOf,
      HttpServletRequest request) {
    long position = freshness.await(request, TargetProjection.PROCESSOR);
    TargetViews.Selection selection = selection(scope, period, metric, effectiveOn, asOf);
    List<TargetView> list = targets.list(selection, access.scopeOf(actor(), scopeDay(selection)));
    return ResponseEntity.ok()
        .header(PositionHeader.POSITION, Long.toString(position))
        .body(Map.of("asOf", selection.asOf(), "targets", list));
  }

  @GetMapping("/{targetId}")
  ResponseEntity<TargetView> target(
      @PathVariable String targetId,
      @RequestParam(required = false) String effectiveOn,
      @RequestParam(required = false) String asOf,
      HttpServletRequest request) {
    long position = freshness.await(request, TargetProjection.PROCESSOR);
    TargetViews.Selection selection = selection(null, null, null, effectiveOn, asOf);
    TargetView target =
        targets
            .find(targetId, selection, access.scopeOf(actor(), scopeDay(selection)))
            .orElseThrow(() -> LedgerProblem.notFound("No target " + targetId + "."));
    return ResponseEntity.ok()
        .header(PositionHeader.POSITION, Long.toString(position))
        .body(target);
  }

  private static com.salesledger.platform.security.Actor actor() {
    return com.salesledger.platform.security.Actor.current();
  }

  /** A manager's teams are those they managed on the day asked about. */
  private static LocalDate scopeDay(TargetViews.Selection s) {
    return s.effectiveOn() != null ? s.effectiveOn() : s.today();
  }

  private TargetViews.Selection selection(
      String scope, String period, String metric, String effectiveOn, String asOf) {
    ScopeLevel level = null;
    String scopeId = null;
    if (scope != null) {
      String[] parts = scope.split(":", 2);
      try {
        level = ScopeLevel.valueOf(parts[0]);
      } catch (IllegalArgumentException e) {
        throw LedgerProblem.invalid(
            "scope", "must be LEVEL:id (REP:rep1, TEAM:north-1, REGION:north) or COMPANY");
      }
      scopeId = parts.length == 2 ? parts[1] : (level == ScopeLevel.COMPANY ? "COMPANY" : null);
      if (scopeId == null || scopeId.isBlank()) {
        throw LedgerProblem.invalid(
            "scope", "must name the " + level + "'s id as " + level + ":id");
      }
    }
    String periodText = null;
    if (period != null) {
      try {
        periodText = dates.require("period", Period.parse(period)).toString();
      } catch (IllegalArgumentException e) {
        throw LedgerProblem.invalid("period", e.getMessage());
      }
    }
    TargetMetric targetMetric = null;
    if (metric != null) {
      try {
        targetMetric = TargetMetric.valueOf(metric);
      } catch (IllegalArgumentException e) {
        throw LedgerProblem.invalid(
            "metric", "must be REVENUE, GROSS_MARGIN, NEW_CUSTOMERS or COLLECTIONS");
      }
    }
    LocalDate on = null;
    if (effectiveOn != null) {
      try {
        on = LocalDate.parse(effectiveOn);
      } catch (DateTimeParseException e) {
        throw LedgerProblem.invalid("effectiveOn", "must be a date YYYY-MM-DD");
      }
      dates.require("effectiveOn", on);
    }
    Instant at = Instant.now(clock);
    if (asOf != null) {
      try {
        at = Instant.parse(asOf);
      } catch (DateTimeParseException e) {
        throw LedgerProblem.invalid(
            "asOf", "must be an ISO-8601 instant, e.g. 2026-03-01T00:00:00Z");
      }
      dates.require("asOf", at);
    }
    return new TargetViews.Selection(
        level, scopeId, periodText, targetMetric, on, at, LocalDate.now(clock));
  }
}
