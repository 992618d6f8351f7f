package com.salesledger.query.organisation;

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
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/organisation}: regions, teams (with managers) and reps as they stood on a
 * business date ({@code effectiveOn}, default today), as the ledger knew it at an instant ({@code
 * asOf}, default now). The structure is no one's data, so every role may read it.
 */
@RestController
@RequestMapping("/api/organisation")
@Permitted(Permission.READ_LEDGER)
class OrganisationController {

  private final OrganisationViews views;
  private final Freshness freshness;
  private final Clock clock;
  private final DateRange dates;

  OrganisationController(
      OrganisationViews views, Freshness freshness, Clock clock, DateRange dates) {
    this.views = views;
    this.freshness = freshness;
    this.clock = clock;
    this.dates = dates;
  }

  @GetMapping
  ResponseEntity<Map<String, Object>> organisation(
      @RequestParam(required = false) String effectiveOn,
      @RequestParam(required = false) String asOf,
      HttpServletRequest request) {
    LocalDate on;
    Instant knownAt;
    try {
      on = effectiveOn == null ? LocalDate.now(clock) : LocalDate.parse(effectiveOn);
    } catch (DateTimeParseException e) {
      throw LedgerProblem.invalid("effectiveOn", "must be a date YYYY-MM-DD");
    }
    try {
      knownAt = asOf == null ? clock.instant() : Instant.parse(asOf);
    } catch (DateTimeParseException e) {
      throw LedgerProblem.invalid("asOf", "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
    }
    dates.require("effectiveOn", on);
    dates.require("asOf", knownAt);
    long position = freshness.await(request, OrganisationProjection.PROCESSOR);
    OrganisationViews.Chart chart = views.asOf(on, knownAt);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("effectiveOn", on);
    body.put("asOf", knownAt);
    body.put("regions", chart.regions());
    body.put("teams", chart.teams());
    body.put("reps", chart.reps());
    body.put("position", position);
    return ResponseEntity.ok().header(PositionHeader.POSITION, Long.toString(position)).body(body);
  }
}
