package com.salesledger.command.target;

import com.salesledger.command.common.Answers;
import com.salesledger.command.common.CommandDispatcher;
import com.salesledger.command.common.CommandDispatcher.Submission;
import com.salesledger.command.common.Ids;
import com.salesledger.events.common.Period;
import com.salesledger.events.target.ApproveTargetRevision;
import com.salesledger.events.target.DecomposeTarget;
import com.salesledger.events.target.RejectTargetRevision;
import com.salesledger.events.target.ReviseTarget;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.SetTarget;
import com.salesledger.events.target.TargetChild;
import com.salesledger.events.target.TargetIds;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetScope;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.input.DateRange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Target commands. Field presence and formats are checked here; every rule (belonging, sums,
 * thresholds, maker-checker, scopes) in {@link SalesTarget}.
 */
@RestController
@RequestMapping("/api/targets")
class TargetController {

  record ScopeBody(@NotNull ScopeLevel level, @Size(max = 32) String id) {}

  record SetTargetRequest(
      @NotNull @Valid ScopeBody scope,
      @NotBlank String period,
      @NotNull TargetMetric metric,
      @NotNull BigDecimal amount,
      @NotBlank @Size(max = 1000) String reason) {}

  record ChildBody(@Valid ScopeBody scope, String period, @NotNull BigDecimal amount) {}

  record DecomposeRequest(
      @NotEmpty @Size(max = 500) List<@Valid @NotNull ChildBody> children,
      @NotBlank @Size(max = 1000) String reason,
      Long expectedVersion) {}

  record RevisionRequest(
      @NotNull BigDecimal amount,
      @NotNull LocalDate effectiveFrom,
      @NotBlank @Size(max = 1000) String reason,
      Long expectedVersion) {}

  record Decision(@NotBlank @Size(max = 1000) String reason) {}

  private static final String ID = "targetId";

  private final CommandDispatcher dispatcher;
  private final LedgerSettings settings;
  private final DateRange dates;

  TargetController(CommandDispatcher dispatcher, LedgerSettings settings, DateRange dates) {
    this.dispatcher = dispatcher;
    this.settings = settings;
    this.dates = dates;
  }

  /** Answers the target's id, {@code LEVEL:id:period:METRIC}. */
  @PostMapping
  @Permitted(Permission.SET_TARGETS)
  ResponseEntity<Map<String, Object>> set(
      @Valid @RequestBody SetTargetRequest body, HttpServletRequest request) {
    TargetScope scope = scope("scope", body.scope());
    Period period = period("period", body.period());
    SetTarget command =
        new SetTarget(
            scope,
            period,
            body.metric(),
            body.amount(),
            body.metric() == TargetMetric.NEW_CUSTOMERS ? null : settings.currency(),
            body.reason());
    return send(request, command.targetId(), command, body, HttpStatus.CREATED, body.reason());
  }

  @PostMapping("/{targetId}/decompose")
  @Permitted(Permission.SET_TARGETS)
  ResponseEntity<Map<String, Object>> decompose(
      @PathVariable String targetId,
      @Valid @RequestBody DecomposeRequest body,
      HttpServletRequest request) {
    List<TargetChild> children = new ArrayList<>();
    for (int i = 0; i < body.children().size(); i++) {
      ChildBody child = body.children().get(i);
      String field = "children[" + i + "]";
      children.add(
          new TargetChild(
              child.scope() == null ? null : scope(field + ".scope", child.scope()),
              child.period() == null ? null : period(field + ".period", child.period()),
              child.amount()));
    }
    DecomposeTarget command =
        new DecomposeTarget(
            Ids.require(ID, targetId), children, body.reason(), body.expectedVersion());
    return send(request, targetId, command, body, HttpStatus.OK, body.reason());
  }

  /** Answers the revision's id and whether it {@code applied} or {@code awaitsApproval}. */
  @PostMapping("/{targetId}/revisions")
  @Permitted(Permission.SET_TARGETS)
  ResponseEntity<Map<String, Object>> revise(
      @PathVariable String targetId,
      @Valid @RequestBody RevisionRequest body,
      HttpServletRequest request) {
    ReviseTarget command =
        new ReviseTarget(
            Ids.require(ID, targetId),
            body.amount(),
            body.effectiveFrom(),
            body.reason(),
            body.expectedVersion());
    ResponseEntity<Map<String, Object>> answer =
        send(request, targetId, command, body, HttpStatus.CREATED, body.reason());
    long version = ((Number) answer.getBody().get("version")).longValue();
    answer = Answers.adding(answer, "revisionId", TargetIds.revisionId(version));
    return answer;
  }

  @PostMapping("/{targetId}/revisions/{revisionId}/approve")
  @Permitted(Permission.DECIDE_TARGET_REVISIONS)
  ResponseEntity<Map<String, Object>> approve(
      @PathVariable String targetId,
      @PathVariable String revisionId,
      @Valid @RequestBody Decision body,
      HttpServletRequest request) {
    ApproveTargetRevision command =
        new ApproveTargetRevision(
            Ids.require(ID, targetId), Ids.require("revisionId", revisionId), body.reason());
    return send(request, targetId, command, body, HttpStatus.OK, body.reason());
  }

  @PostMapping("/{targetId}/revisions/{revisionId}/reject")
  @Permitted(Permission.DECIDE_TARGET_REVISIONS)
  ResponseEntity<Map<String, Object>> reject(
      @PathVariable String targetId,
      @PathVariable String revisionId,
      @Valid @RequestBody Decision body,
      HttpServletRequest request) {
    RejectTargetRevision command =
        new RejectTargetRevision(
            Ids.require(ID, targetId), Ids.require("revisionId", revisionId), body.reason());
    return send(request, targetId, command, body, HttpStatus.OK, body.reason());
  }

  private static TargetScope scope(String field, ScopeBody body) {
    if (body.level() == ScopeLevel.COMPANY) {
      if (body.id() != null && !TargetScope.COMPANY_ID.equals(body.id())) {
        throw LedgerProblem.invalid(field + ".id", "must be absent or COMPANY for COMPANY");
      }
      return TargetScope.company();
    }
    return new TargetScope(body.level(), Ids.requireScopeId(field + ".id", body.id()));
  }

  /** Within the dates a client may send: a target for 9999 put an absurd year into the events. */
  private Period period(String field, String text) {
    Period period;
    try {
      period = Period.parse(text);
    } catch (IllegalArgumentException e) {
      throw LedgerProblem.invalid(field, e.getMessage());
    }
    return dates.require(field, period);
  }

  /** The stream id is internal; answers name the target. */
  private ResponseEntity<Map<String, Object>> send(
      HttpServletRequest request,
      String targetId,
      Object command,
      Object body,
      HttpStatus success,
      String reason) {
    ResponseEntity<Map<String, Object>> answer =
        dispatcher.send(request, new Submission(command, body, ID, success, reason));
    return Answers.adding(answer, ID, targetId);
  }
}
