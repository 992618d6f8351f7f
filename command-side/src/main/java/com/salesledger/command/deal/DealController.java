package com.salesledger.command.deal;

import com.salesledger.command.common.CommandDispatcher;
import com.salesledger.command.common.CommandDispatcher.Submission;
import com.salesledger.command.common.Ids;
import com.salesledger.events.deal.ChangeDealStage;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.LoseDeal;
import com.salesledger.events.deal.OpenDeal;
import com.salesledger.events.deal.ReassignDeal;
import com.salesledger.events.deal.WinDeal;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
import com.salesledger.platform.web.LedgerProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deal commands. Field presence and types are checked here; every business rule in {@link Deal}.
 */
@RestController
@RequestMapping("/api/deals")
class DealController {

  record OpenDealRequest(
      String dealId,
      @NotBlank @Size(max = 100) String customerId,
      @NotBlank @Size(max = 100) String ownerRep,
      @Size(max = 100) String team,
      @Size(max = 100) String region,
      @NotBlank @Size(max = 100) String productLine,
      @NotNull BigDecimal amount,
      String currency,
      @NotNull LocalDate expectedCloseDate,
      LocalDate openedOn,
      DealStage stage) {}

  record ChangeStageRequest(@NotNull DealStage stage, Long expectedVersion) {}

  record ReassignRequest(
      @NotBlank @Size(max = 100) String ownerRep,
      @Size(max = 100) String team,
      @Size(max = 100) String region,
      @NotBlank @Size(max = 1000) String reason,
      Long expectedVersion) {}

  record WinRequest(
      @NotNull BigDecimal finalAmount,
      @NotNull BigDecimal cost,
      @NotNull LocalDate closeDate,
      Long expectedVersion) {}

  record LoseRequest(
      @NotBlank @Size(max = 1000) String reason,
      @NotNull LocalDate closeDate,
      Long expectedVersion) {}

  private final CommandDispatcher dispatcher;
  private final LedgerSettings settings;

  DealController(CommandDispatcher dispatcher, LedgerSettings settings) {
    this.dispatcher = dispatcher;
    this.settings = settings;
  }

  @PostMapping
  @Permitted(Permission.WORK_ON_DEALS)
  ResponseEntity<Map<String, Object>> open(
      @Valid @RequestBody OpenDealRequest body, HttpServletRequest request) {
    String dealId =
        body.dealId() == null ? Ids.generate(request) : Ids.require("dealId", body.dealId());
    String currency = body.currency() == null ? settings.currency() : body.currency();
    if (!currency.equals(settings.currency())) {
      throw LedgerProblem.invalid(
          "currency", "must be the ledger's reporting currency " + settings.currency());
    }
    OpenDeal command =
        new OpenDeal(
            dealId,
            body.customerId(),
            body.ownerRep(),
            body.team(),
            body.region(),
            body.productLine(),
            body.amount(),
            currency,
            body.expectedCloseDate(),
            body.openedOn(),
            body.stage());
    return dispatcher.send(
        request, new Submission(command, body, "dealId", HttpStatus.CREATED, null));
  }

  @PostMapping("/{dealId}/stage")
  @Permitted(Permission.WORK_ON_DEALS)
  ResponseEntity<Map<String, Object>> changeStage(
      @PathVariable String dealId,
      @Valid @RequestBody ChangeStageRequest body,
      HttpServletRequest request) {
    ChangeDealStage command =
        new ChangeDealStage(Ids.require("dealId", dealId), body.stage(), body.expectedVersion());
    return dispatcher.send(request, new Submission(command, body, "dealId", HttpStatus.OK, null));
  }

  @PostMapping("/{dealId}/reassign")
  @Permitted(Permission.REASSIGN_DEALS)
  ResponseEntity<Map<String, Object>> reassign(
      @PathVariable String dealId,
      @Valid @RequestBody ReassignRequest body,
      HttpServletRequest request) {
    ReassignDeal command =
        new ReassignDeal(
            Ids.require("dealId", dealId),
            body.ownerRep(),
            body.team(),
            body.region(),
            body.reason(),
            body.expectedVersion());
    return dispatcher.send(
        request, new Submission(command, body, "dealId", HttpStatus.OK, body.reason()));
  }

  @PostMapping("/{dealId}/win")
  @Permitted(Permission.WORK_ON_DEALS)
  ResponseEntity<Map<String, Object>> win(
      @PathVariable String dealId,
      @Valid @RequestBody WinRequest body,
      HttpServletRequest request) {
    WinDeal command =
        new WinDeal(
            Ids.require("dealId", dealId),
            body.finalAmount(),
            body.cost(),
            body.closeDate(),
            body.expectedVersion());
    return dispatcher.send(request, new Submission(command, body, "dealId", HttpStatus.OK, null));
  }

  @PostMapping("/{dealId}/lose")
  @Permitted(Permission.WORK_ON_DEALS)
  ResponseEntity<Map<String, Object>> lose(
      @PathVariable String dealId,
      @Valid @RequestBody LoseRequest body,
      HttpServletRequest request) {
    LoseDeal command =
        new LoseDeal(
            Ids.require("dealId", dealId), body.reason(), body.closeDate(), body.expectedVersion());
    return dispatcher.send(
        request, new Submission(command, body, "dealId", HttpStatus.OK, body.reason()));
  }
}
