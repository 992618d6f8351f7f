package com.salesledger.query.credit;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Credit accounts as of an instant, current early warnings and finance's inbox of holds. */
@RestController
@Permitted(Permission.READ_LEDGER)
class CreditQueryController {

  /** The deal processor too: a limited scope is decided on the deals read model. */
  private static final String DEALS = "deals";

  private final CreditAccounts accounts;
  private final AccessPolicy access;
  private final Freshness freshness;
  private final Clock clock;
  private final DateRange dates;

  CreditQueryController(
      CreditAccounts accounts,
      AccessPolicy access,
      Freshness freshness,
      Clock clock,
      DateRange dates) {
    this.accounts = accounts;
    this.access = access;
    this.freshness = freshness;
    this.clock = clock;
    this.dates = dates;
  }

  @GetMapping("/api/credit-accounts/{customerId}")
  ResponseEntity<CreditAccountView> account(
      @PathVariable String customerId,
      @RequestParam(required = false) String asOf,
      HttpServletRequest request) {
    Instant instant = asOf == null || asOf.isBlank() ? clock.instant() : instant(asOf);
    if (instant.isAfter(clock.instant())) {
      throw LedgerProblem.invalid("asOf", "must not be in the future");
    }
    long position = freshness.await(request, CreditProjection.PROCESSOR, DEALS);
    CreditAccountView account =
        accounts
            .asOf(customerId, instant, access.scopeOfCurrentCaller())
            .orElseThrow(
                () ->
                    LedgerProblem.notFound(
                        "No credit account of customer " + customerId + " at " + instant + "."));
    return ResponseEntity.ok()
        .header(PositionHeader.POSITION, Long.toString(position))
        .body(account);
  }

  @GetMapping("/api/credit-warnings")
  @Permitted(Permission.READ_CREDIT_WARNINGS)
  ResponseEntity<List<CreditWarningView>> warnings(HttpServletRequest request) {
    long position = freshness.await(request, CreditProjection.PROCESSOR);
    return ResponseEntity.ok()
        .header(PositionHeader.POSITION, Long.toString(position))
        .body(accounts.warnings());
  }

  @GetMapping("/api/credit-inbox")
  @Permitted(Permission.READ_CREDIT_WARNINGS)
  ResponseEntity<List<InboxItem>> inbox(HttpServletRequest request) {
    long position = freshness.await(request, CreditProjection.PROCESSOR);
    return ResponseEntity.ok()
        .header(PositionHeader.POSITION, Long.toString(position))
        .body(accounts.inbox());
  }

  /**
   * An ISO instant, or a date meaning the end of that day (UTC), i.e. the state after all of it;
   * today's date means now.
   */
  private Instant instant(String text) {
    try {
      return dates.require("asOf", Instant.parse(text));
    } catch (DateTimeParseException notInstant) {
      try {
        // In range before the end of the day is computed: +999999999-12-31 has no next day.
        LocalDate date = dates.require("asOf", LocalDate.parse(text));
        Instant end = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000);
        Instant now = clock.instant();
        return end.isAfter(now) && !date.atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(now)
            ? now
            : end;
      } catch (DateTimeParseException notDate) {
        throw LedgerProblem.invalid("asOf", "must be an ISO-8601 instant or a date YYYY-MM-DD");
      }
    }
  }
}
