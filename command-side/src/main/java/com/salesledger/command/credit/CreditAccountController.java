package com.salesledger.command.credit;

import com.salesledger.command.common.Answers;
import com.salesledger.command.common.CommandDispatcher;
import com.salesledger.command.common.CommandDispatcher.Submission;
import com.salesledger.command.common.Ids;
import com.salesledger.events.credit.ApproveCreditLimitRequest;
import com.salesledger.events.credit.ChangeCreditRating;
import com.salesledger.events.credit.ChangePaymentTerms;
import com.salesledger.events.credit.CreditAccountIds;
import com.salesledger.events.credit.CreditRating;
import com.salesledger.events.credit.HoldCreditAccount;
import com.salesledger.events.credit.OpenCreditAccount;
import com.salesledger.events.credit.RejectCreditLimitRequest;
import com.salesledger.events.credit.ReleaseCreditAccount;
import com.salesledger.events.credit.ReleaseHeldDeal;
import com.salesledger.events.credit.RequestCreditLimit;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credit account commands, for finance. Field presence and types are checked here; every rule
 * (maker-checker included) in {@link CreditAccount}.
 */
@RestController
@RequestMapping("/api/credit-accounts")
@Permitted(Permission.MANAGE_CREDIT)
class CreditAccountController {

  record OpenAccountRequest(
      @NotBlank String customerId,
      @NotNull CreditRating rating,
      @NotNull BigDecimal limit,
      @NotNull Integer paymentTermsDays) {}

  record LimitRequest(
      @NotNull BigDecimal newLimit,
      @NotBlank @Size(max = 1000) String reason,
      Long expectedVersion) {}

  record Decision(@NotBlank @Size(max = 1000) String reason) {}

  record RatingRequest(
      @NotNull CreditRating rating,
      @NotBlank @Size(max = 1000) String reason,
      Long expectedVersion) {}

  record TermsRequest(
      @NotNull Integer paymentTermsDays,
      @NotBlank @Size(max = 1000) String reason,
      Long expectedVersion) {}

  record HoldRequest(@NotBlank @Size(max = 1000) String reason, Long expectedVersion) {}

  private static final String ID = "customerId";

  private final CommandDispatcher dispatcher;
  private final LedgerSettings settings;

  CreditAccountController(CommandDispatcher dispatcher, LedgerSettings settings) {
    this.dispatcher = dispatcher;
    this.settings = settings;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> open(
      @Valid @RequestBody OpenAccountRequest body, HttpServletRequest request) {
    String customerId = Ids.require(ID, body.customerId());
    OpenCreditAccount command =
        new OpenCreditAccount(
            customerId, body.rating(), body.limit(), settings.currency(), body.paymentTermsDays());
    return send(request, customerId, command, body, HttpStatus.CREATED, null);
  }

  /** Answers the request's id: a decrease is applied at once, an increase waits for approval. */
  @PostMapping("/{customerId}/limit-requests")
  ResponseEntity<Map<String, Object>> requestLimit(
      @PathVariable String customerId,
      @Valid @RequestBody LimitRequest body,
      HttpServletRequest request) {
    RequestCreditLimit command =
        new RequestCreditLimit(
            Ids.require(ID, customerId), body.newLimit(), body.reason(), body.expectedVersion());
    ResponseEntity<Map<String, Object>> answer =
        send(request, customerId, command, body, HttpStatus.CREATED, body.reason());
    long version = ((Number) answer.getBody().get("version")).longValue();
    return Answers.adding(answer, "requestId", CreditAccountIds.limitRequestId(version));
  }

  @PostMapping("/{customerId}/limit-requests/{requestId}/approve")
  ResponseEntity<Map<String, Object>> approve(
      @PathVariable String customerId,
      @PathVariable String requestId,
      @Valid @RequestBody Decision body,
      HttpServletRequest request) {
    ApproveCreditLimitRequest command =
        new ApproveCreditLimitRequest(
            Ids.require(ID, customerId), Ids.require("requestId", requestId), body.reason());
    return send(request, customerId, command, body, HttpStatus.OK, body.reason());
  }

  @PostMapping("/{customerId}/limit-requests/{requestId}/reject")
  ResponseEntity<Map<String, Object>> reject(
      @PathVariable String customerId,
      @PathVariable String requestId,
      @Valid @RequestBody Decision body,
      HttpServletRequest request) {
    RejectCreditLimitRequest command =
        new RejectCreditLimitRequest(
            Ids.require(ID, customerId), Ids.require("requestId", requestId), body.reason());
    return send(request, customerId, command, body, HttpStatus.OK, body.reason());
  }

  @PostMapping("/{customerId}/rating")
  ResponseEntity<Map<String, Object>> rating(
      @PathVariable String customerId,
      @Valid @RequestBody RatingRequest body,
      HttpServletRequest request) {
    ChangeCreditRating command =
        new ChangeCreditRating(
            Ids.require(ID, customerId), body.rating(), body.reason(), body.expectedVersion());
    return send(request, customerId, command, body, HttpStatus.OK, body.reason());
  }

  @PostMapping("/{customerId}/payment-terms")
  ResponseEntity<Map<String, Object>> paymentTerms(
      @PathVariable String customerId,
      @Valid @RequestBody TermsRequest body,
      HttpServletRequest request) {
    ChangePaymentTerms command =
        new ChangePaymentTerms(
            Ids.require(ID, customerId),
            body.paymentTermsDays(),
            body.reason(),
            body.expectedVersion());
    return send(request, customerId, command, body, HttpStatus.OK, body.reason());
  }

  @PostMapping("/{customerId}/hold")
  ResponseEntity<Map<String, Object>> hold(
      @PathVariable String customerId,
      @Valid @RequestBody HoldRequest body,
      HttpServletRequest request) {
    HoldCreditAccount command =
        new HoldCreditAccount(Ids.require(ID, customerId), body.reason(), body.expectedVersion());
    return send(request, customerId, command, body, HttpStatus.OK, body.reason());
  }

  @PostMapping("/{customerId}/release")
  ResponseEntity<Map<String, Object>> release(
      @PathVariable String customerId,
      @Valid @RequestBody HoldRequest body,
      HttpServletRequest request) {
    ReleaseCreditAccount command =
        new ReleaseCreditAccount(
            Ids.require(ID, customerId), body.reason(), body.expectedVersion());
    return send(request, customerId, command, body, HttpStatus.OK, body.reason());
  }

  /** Books a deal held by the credit check, despite the check (added to API.md's list). */
  @PostMapping("/{customerId}/held-deals/{dealId}/release")
  ResponseEntity<Map<String, Object>> releaseDeal(
      @PathVariable String customerId,
      @PathVariable String dealId,
      @Valid @RequestBody Decision body,
      HttpServletRequest request) {
    ReleaseHeldDeal command =
        new ReleaseHeldDeal(
            Ids.require(ID, customerId), Ids.require("dealId", dealId), body.reason());
    return send(request, customerId, command, body, HttpStatus.OK, body.reason());
  }

  /** The account's stream id is internal; answers name the customer. */
  private ResponseEntity<Map<String, Object>> send(
      HttpServletRequest request,
      String customerId,
      Object command,
      Object body,
      HttpStatus success,
      String reason) {
    return Answers.adding(
        dispatcher.send(request, new Submission(command, body, ID, success, reason)),
        ID,
        customerId);
  }
}
