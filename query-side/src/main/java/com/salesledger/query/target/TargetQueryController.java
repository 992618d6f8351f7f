package com.salesledger.query.target;

import com.salesledger.events.common.Period;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetScope;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Actor;
import com.salesledger.platform.security.DataScope;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.PositionHeader;
import com.salesledger.query.common.Freshness;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Targets, bitemporal: {@code effectiveOn} (a business date: which revision applied that day) and
 * {@code asOf} (an instant: what the ledger had recorded by then; default now). The data scope is
 * the caller's as of the day asked.
 */
@RestController
@RequestMapping("/api/targets")
@Permitted(Permission.READ_LEDGER)
class TargetQueryController {

  private final TargetViews targets;
  private final AccessPolicy access;
  private final Freshness freshness;
  private final Clock clock;

  TargetQueryController(
      TargetViews targets, AccessPolicy access, Freshness freshness, Clock clock) {
    this.targets = targets;
    this.access = access;
    this.freshness = freshness;
    this.clock = clock;
  }

  @GetMapping
  ResponseEntity<Map<String, Object>> list(
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) TargetMetric metric,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate effectiveOn,
      @RequestParam(required = false) String asOf,
      HttpServletRequest request) {
    long position = freshness.await(request, TargetProjection.PROCESSOR);
    TargetViews.Query query = query(scope, period, metric, effectiveOn, asOf);
    List<TargetView> views = targets.list(query, scopeOf(query));
    return ResponseEntity.ok()
        .header(PositionHeader.POSITION, Long.toString(position))
        .body(
            Map.of(
                "effectiveOn",
                effectiveOn == null ? "per target: today within its period" : effectiveOn,
                "asOf",
                query.asOf(),
                "targets",
                views));
  }

  @GetMapping("/{targetId}")
  ResponseEntity<TargetView> one(
      @PathVariable String targetId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate effectiveOn,
      @RequestParam(required = false) String asOf,
      HttpServletRequest request) {
    long position = freshness.await(request, TargetProjection.PROCESSOR);
    TargetViews.Query query = query(null, null, null, effectiveOn, asOf);
    TargetView view =
        targets
            .find(targetId, query, scopeOf(query))
            .orElseThrow(() -> LedgerProblem.notFound("No target " + targetId + "."));
    return ResponseEntity.ok().header(PositionHeader.POSITION, Long.toString(position)).body(view);
  }

  /** A manager's teams as of the day asked (today when none is). */
  private DataScope scopeOf(TargetViews.Query query) {
    LocalDate day = query.effectiveOn() != null ? query.effectiveOn() : query.today();
    return access.scopeOf(Actor.current(), day);
  }

  private TargetViews.Query query(
      String scope, String period, TargetMetric metric, LocalDate effectiveOn, String asOf) {
    ScopeLevel level = null;
    String scopeId = null;
    if (scope != null) {
      String[] parts = scope.split(":", 2);
      try {
        level = ScopeLevel.valueOf(parts[0]);
      } catch (IllegalArgumentException e) {
        throw LedgerProblem.invalid(
            "scope", "must be COMPANY or LEVEL:id with LEVEL one of REGION, TEAM, REP");
      }
      if (level == ScopeLevel.COMPANY) {
        scopeId = TargetScope.COMPANY_ID;
      } else if (parts.length < 2 || parts[1].isBlank()) {
        throw LedgerProblem.invalid("scope", "must name the id after the level, e.g. REP:rep1");
      } else {
        scopeId = parts[1];
      }
    }
    Period parsedPeriod = null;
    if (period != null) {
      try {
        parsedPeriod = Period.parse(period);
      } catch (IllegalArgumentException e) {
        throw LedgerProblem.invalid("period", e.getMessage());
      }
    }
    Instant now = clock.instant();
    Instant at = now;
    if (asOf != null) {
      try {
        at = Instant.parse(asOf);
      } catch (DateTimeParseException e) {
        throw LedgerProblem.invalid("asOf", "must be an instant such as 2026-03-01T12:00:00Z");
      }
    }
    return new TargetViews.Query(
        level, scopeId, parsedPeriod, metric, effectiveOn, at, LocalDate.ofInstant(now, zone()));
  }

  private java.time.ZoneId zone() {
    return clock.getZone();
  }
}
