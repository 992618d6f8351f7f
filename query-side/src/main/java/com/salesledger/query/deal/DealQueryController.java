package com.salesledger.query.deal;

import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.PositionHeader;
import com.salesledger.query.common.Freshness;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deals as they stand, within the caller's data scope (a rep: their own deals). */
@RestController
@RequestMapping("/api/deals")
@Validated
@Permitted(Permission.READ_LEDGER)
class DealQueryController {

  private final DealViews deals;
  private final AccessPolicy access;
  private final Freshness freshness;

  DealQueryController(DealViews deals, AccessPolicy access, Freshness freshness) {
    this.deals = deals;
    this.access = access;
    this.freshness = freshness;
  }

  @GetMapping("/{dealId}")
  ResponseEntity<DealView> deal(@PathVariable String dealId, HttpServletRequest request) {
    long position = freshness.await(request, DealProjection.PROCESSOR);
    DealView deal =
        deals
            .find(dealId, access.scopeOfCurrentCaller())
            .orElseThrow(() -> LedgerProblem.notFound("No deal " + dealId + "."));
    return ResponseEntity.ok().header(PositionHeader.POSITION, Long.toString(position)).body(deal);
  }

  /** Deals newest first, filtered by owner and status; only deals within the caller's scope. */
  @GetMapping
  ResponseEntity<Map<String, Object>> deals(
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
      HttpServletRequest request) {
    if (status != null && !List.of("OPEN", "HELD", "WON", "LOST").contains(status)) {
      throw LedgerProblem.invalid("status", "must be OPEN, HELD, WON or LOST");
    }
    long position = freshness.await(request, DealProjection.PROCESSOR);
    List<DealView> list =
        deals.list(
            new DealViews.Selection(owner, status, page, size), access.scopeOfCurrentCaller());
    return ResponseEntity.ok()
        .header(PositionHeader.POSITION, Long.toString(position))
        .body(Map.of("page", page, "size", size, "deals", list));
  }
}
