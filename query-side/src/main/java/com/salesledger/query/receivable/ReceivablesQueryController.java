package com.salesledger.query.receivable;

import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.DataScope;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.input.DateRange;
import com.salesledger.query.common.AnswerCache;
import com.salesledger.query.common.Freshness;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Receivables ageing and collections, as of any date up to today, within the caller's scope. */
@RestController
@RequestMapping("/api/receivables")
@Permitted(Permission.READ_LEDGER)
class ReceivablesQueryController {

  private final Receivables receivables;
  private final AccessPolicy access;
  private final Freshness freshness;
  private final Clock clock;
  private final DateRange dates;
  private final AnswerCache answers;

  ReceivablesQueryController(
      Receivables receivables,
      AccessPolicy access,
      Freshness freshness,
      Clock clock,
      DateRange dates,
      AnswerCache answers) {
    this.answers = answers;
    this.receivables = receivables;
    this.access = access;
    this.freshness = freshness;
    this.clock = clock;
    this.dates = dates;
  }

  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AgeingReport.class)))
  @GetMapping("/ageing")
  ResponseEntity<byte[]> ageing(
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false, defaultValue = "customer") String groupBy,
      @RequestParam(required = false) String buckets,
      @RequestParam(required = false, defaultValue = "due") String basis,
      HttpServletRequest request) {
    LocalDate today = LocalDate.now(clock);
    LocalDate date = asOf == null || asOf.isBlank() ? today : date("asOf", asOf);
    if (date.isAfter(today)) {
      throw LedgerProblem.invalid("asOf", "must not be after today (" + today + ")");
    }
    ReceivableGroupBy group = groupBy(groupBy);
    AgeingBuckets ranges = AgeingBuckets.DEFAULT;
    if (buckets != null) {
      try {
        ranges = AgeingBuckets.parse(buckets);
      } catch (IllegalArgumentException e) {
        throw LedgerProblem.invalid(
            "buckets", "must be strictly increasing positive whole numbers, e.g. 30,60,90,120");
      }
    }
    AgeingBasis ageingBasis;
    try {
      ageingBasis = AgeingBasis.parse(basis);
    } catch (IllegalArgumentException e) {
      throw LedgerProblem.invalid("basis", "must be due or invoice");
    }
    long position = freshness.await(request, InvoiceProjection.PROCESSOR);
    DataScope scope = access.scopeOfCurrentCaller();
    AgeingBuckets bounds = ranges;
    return answers.answer(
        new AnswerCache.Question(
            "ageing", date + " " + group + " " + bounds.bounds() + " " + ageingBasis, scope, today),
        List.of(InvoiceProjection.PROCESSOR),
        position,
        request,
        () -> receivables.ageing(date, group, bounds, ageingBasis, scope));
  }

  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CollectionsReport.class)))
  @GetMapping("/collections")
  ResponseEntity<byte[]> collections(
      @RequestParam String from,
      @RequestParam String to,
      @RequestParam(required = false, defaultValue = "customer") String groupBy,
      HttpServletRequest request) {
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (end.isBefore(start)) {
      throw LedgerProblem.invalid("to", "must not be before from");
    }
    LocalDate today = LocalDate.now(clock);
    if (end.isAfter(today)) {
      throw LedgerProblem.invalid("to", "must not be after today (" + today + ")");
    }
    ReceivableGroupBy group = groupBy(groupBy);
    long position = freshness.await(request, InvoiceProjection.PROCESSOR);
    DataScope scope = access.scopeOfCurrentCaller();
    return answers.answer(
        new AnswerCache.Question("collections", start + " " + end + " " + group, scope, today),
        List.of(InvoiceProjection.PROCESSOR),
        position,
        request,
        () -> receivables.collections(start, end, group, scope));
  }

  private static ReceivableGroupBy groupBy(String text) {
    try {
      return ReceivableGroupBy.parse(text);
    } catch (IllegalArgumentException e) {
      throw LedgerProblem.invalid("groupBy", "must be customer, rep, team or region");
    }
  }

  private LocalDate date(String field, String text) {
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw LedgerProblem.invalid(field, "must be a date YYYY-MM-DD");
    }
    return dates.require(field, date);
  }
}
