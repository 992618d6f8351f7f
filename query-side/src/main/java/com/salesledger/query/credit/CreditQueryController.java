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
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

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

  /**
   * Finance's inbox, all of it, or of one {@code kind} or {@code customerId}, in pages of {@code
   * limit} when asked: a full page links to the next (`Link: <…>; rel="next"`, with an opaque
   * {@code after}).
   */
  @GetMapping("/api/credit-inbox")
  @Permitted(Permission.READ_CREDIT_WARNINGS)
  ResponseEntity<List<InboxItem>> inbox(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String customerId,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String after,
      HttpServletRequest request) {
    if (kind != null && !InboxQuery.KINDS.contains(kind)) {
      throw LedgerProblem.invalid("kind", "must be ACCOUNT_HOLD, DEAL_HOLD or WARNING");
    }
    if (customerId != null && customerId.isBlank()) {
      throw LedgerProblem.invalid("customerId", "must not be blank");
    }
    int pageSize = limit == null ? Integer.MAX_VALUE : pageSize(limit);
    InboxQuery.After from = null;
    if (after != null) {
      from =
          InboxQuery.After.decode(after)
              .orElseThrow(
                  () ->
                      LedgerProblem.invalid(
                          "after", "must be the cursor of a previous page's next link"));
    }
    long position = freshness.await(request, CreditProjection.PROCESSOR);
    // one more than the page: whether a next page exists
    int asked = pageSize == Integer.MAX_VALUE ? pageSize : pageSize + 1;
    List<InboxItem> items = accounts.inbox(new InboxQuery(kind, customerId, from, asked));
    ResponseEntity.BodyBuilder response =
        ResponseEntity.ok().header(PositionHeader.POSITION, Long.toString(position));
    if (items.size() > pageSize) {
      items = items.subList(0, pageSize);
      String next =
          UriComponentsBuilder.fromPath("/api/credit-inbox")
              .queryParamIfPresent("kind", Optional.ofNullable(kind))
              .queryParamIfPresent("customerId", Optional.ofNullable(customerId))
              .queryParam("limit", pageSize)
              .queryParam("after", InboxQuery.After.of(items.get(items.size() - 1)).encode())
              .encode()
              .toUriString();
      response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    return response.body(items);
  }

  private static int pageSize(String limit) {
    int size = limit.matches("[0-9]{1,4}") ? Integer.parseInt(limit) : 0;
    if (size < 1 || size > InboxQuery.MAX_LIMIT) {
      throw LedgerProblem.invalid(
          "limit", "must be a whole number from 1 to " + InboxQuery.MAX_LIMIT);
    }
    return size;
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
