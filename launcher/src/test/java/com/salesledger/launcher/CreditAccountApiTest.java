package com.salesledger.launcher;

import static com.salesledger.launcher.CreditTesting.TODAY;
import static com.salesledger.launcher.CreditTesting.account;
import static com.salesledger.launcher.CreditTesting.events;
import static com.salesledger.launcher.CreditTesting.openDeal;
import static com.salesledger.launcher.CreditTesting.streamOf;
import static com.salesledger.launcher.CreditTesting.types;
import static com.salesledger.launcher.CreditTesting.win;
import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.RefusedCommandsTest.eventCount;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.query;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Credit accounts over HTTP: answers and codes, maker-checker with two users, holds. */
class CreditAccountApiTest {

  private final Api finance1 = command("finance1");
  private final Api finance2 = command("finance2");
  private final Api manager = command("manager1");
  private final String customer = unique("cust");

  @AfterEach
  void settle() {
    CreditTesting.awaitWarningsSettled(SharedLedger.get());
  }

  private String base() {
    return "/api/credit-accounts/" + customer;
  }

  @Test
  void finance_opens_an_account_and_the_answer_names_the_customer() {
    Api.Response opened = finance1.post("/api/credit-accounts", account(customer, "1000.00", 45));
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    assertThat(opened.json().get("customerId").asText()).isEqualTo(customer);
    assertThat(opened.json().get("version").asLong()).isZero();
    assertThat(opened.json().get("position").asLong()).isEqualTo(opened.position());

    assertProblem(finance2.post("/api/credit-accounts", account(customer, "5.00", 1)), 409, null);
  }

  @Test
  void bad_input_is_a_400_naming_the_field_and_changes_nothing() {
    long before = eventCount();
    assertProblem(
        finance1.post(
            "/api/credit-accounts",
            Map.of("customerId", customer, "rating", "E", "limit", "1", "paymentTermsDays", 30)),
        400,
        "rating");
    assertProblem(
        finance1.post("/api/credit-accounts", account(customer, "-1.00", 30)), 400, "limit");
    assertProblem(
        finance1.post("/api/credit-accounts", account(customer, "1.00", 400)),
        400,
        "paymentTermsDays");
    assertProblem(
        finance1.post("/api/credit-accounts", account("has space", "1.00", 30)), 400, "customerId");
    assertProblem(
        finance1.post("/api/credit-accounts/" + customer + "/rating", Map.of("rating", "A")),
        400,
        "reason");
    assertThat(eventCount()).isEqualTo(before);
  }

  @Test
  void only_finance_and_admin_may_change_credit() {
    assertProblem(manager.post("/api/credit-accounts", account(customer, "1.00", 30)), 403, null);
    assertProblem(
        command("rep1").post("/api/credit-accounts", account(customer, "1.00", 30)), 403, null);
    assertProblem(command("auditor1").post(base() + "/hold", Map.of("reason", "x")), 403, null);
    assertThat(command(null).post("/api/credit-accounts", account(customer, "1.00", 30)).status())
        .isEqualTo(401);
    assertThat(
            command("admin").post("/api/credit-accounts", account(customer, "1.00", 30)).status())
        .isEqualTo(201);
  }

  @Test
  void commands_on_a_customer_without_an_account_are_404() {
    assertProblem(
        finance1.post(base() + "/rating", Map.of("rating", "A", "reason", "x")), 404, null);
    assertProblem(
        finance1.post(base() + "/limit-requests/LR-1/approve", Map.of("reason", "x")), 404, null);
  }

  @Test
  void a_limit_increase_needs_a_second_finance_user_and_is_decided_once() {
    finance1.post("/api/credit-accounts", account(customer, "1000.00", 30));

    Api.Response requested =
        finance1.post(
            base() + "/limit-requests", Map.of("newLimit", "5000.00", "reason", "new contract"));
    assertThat(requested.status()).as(requested.text()).isEqualTo(201);
    String requestId = requested.json().get("requestId").asText();
    assertThat(requestId).isEqualTo("LR-1");

    Api.Response selfApproved =
        finance1.post(base() + "/limit-requests/" + requestId + "/approve", Map.of("reason", "me"));
    assertProblem(selfApproved, 403, null);
    assertThat(selfApproved.json().get("detail").asText()).contains("Maker-checker");

    Api.Response approved =
        finance2.post(
            base() + "/limit-requests/" + requestId + "/approve", Map.of("reason", "checked"));
    assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    assertProblem(
        command("admin")
            .post(base() + "/limit-requests/" + requestId + "/reject", Map.of("reason", "late")),
        409,
        null);

    JsonNode changed =
        events(SharedLedger.get(), streamOf(customer)).stream()
            .filter(e -> e.type().equals("CreditLimitChanged"))
            .findFirst()
            .orElseThrow()
            .payload();
    assertThat(changed.get("requestedBy").asText()).isEqualTo("finance1");
    assertThat(changed.get("approvedBy").asText()).isEqualTo("finance2");
    assertThat(changed.get("newLimit").decimalValue()).isEqualByComparingTo("5000.00");
  }

  @Test
  void a_decrease_applies_at_once_and_a_rejection_keeps_its_reason() {
    finance1.post("/api/credit-accounts", account(customer, "1000.00", 30));
    Api.Response decreased =
        finance1.post(base() + "/limit-requests", Map.of("newLimit", "500.00", "reason", "risk"));
    assertThat(decreased.status()).isEqualTo(201);
    Api.Response increase =
        finance1.post(base() + "/limit-requests", Map.of("newLimit", "900.00", "reason", "ok"));
    String requestId = increase.json().get("requestId").asText();
    Api.Response rejected =
        finance2.post(
            base() + "/limit-requests/" + requestId + "/reject", Map.of("reason", "not yet"));
    assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);

    assertThat(types(SharedLedger.get(), streamOf(customer)))
        .containsSubsequence(
            "CreditAccountOpened",
            "CreditLimitChanged",
            "CreditLimitIncreaseRequested",
            "CreditLimitIncreaseRejected");
    JsonNode rejection =
        events(SharedLedger.get(), streamOf(customer)).stream()
            .filter(e -> e.type().equals("CreditLimitIncreaseRejected"))
            .findFirst()
            .orElseThrow()
            .payload();
    assertThat(rejection.get("reason").asText()).isEqualTo("not yet");
    assertThat(rejection.get("rejectedBy").asText()).isEqualTo("finance2");
  }

  @Test
  void a_deal_over_the_limit_is_held_until_a_second_person_approves_an_increase() {
    finance1.post("/api/credit-accounts", account(customer, "1000.00", 45));
    String dealId = openDeal(manager, customer, "1500.00");

    Api.Response won = manager.post("/api/deals/" + dealId + "/win", win("1500.00"));
    assertThat(won.status()).as(won.text()).isEqualTo(200);
    List<CreditTesting.Stored> dealEvents = events(SharedLedger.get(), dealId);
    assertThat(dealEvents)
        .extracting(CreditTesting.Stored::type)
        .last()
        .isEqualTo("DealPutOnCreditHold");
    JsonNode check = dealEvents.get(dealEvents.size() - 1).payload().get("check");
    assertThat(check.get("failedRules").get(0).asText()).isEqualTo("OVER_LIMIT");
    assertThat(check.get("limit").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(check.get("exposure").decimalValue()).isEqualByComparingTo("0");
    assertThat(check.get("dealAmount").decimalValue()).isEqualByComparingTo("1500.00");

    String invoiceId = unique("INV");
    Map<String, Object> invoice =
        Map.of("invoiceId", invoiceId, "dealId", dealId, "amount", "1500.00", "issueDate", TODAY);
    assertProblem(finance1.post("/api/invoices", invoice), 422, null);
    assertProblem(manager.post("/api/deals/" + dealId + "/win", win("1500.00")), 409, null);

    String requestId =
        finance1
            .post(base() + "/limit-requests", Map.of("newLimit", "2000.00", "reason", "deal"))
            .json()
            .get("requestId")
            .asText();
    Api.Response approved =
        finance2.post(base() + "/limit-requests/" + requestId + "/approve", Map.of("reason", "ok"));
    assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    assertThat(types(SharedLedger.get(), dealId))
        .endsWith("DealPutOnCreditHold", "DealCreditHoldReleased", "DealWon");

    Api.Response issued = finance1.post("/api/invoices", invoice);
    assertThat(issued.status()).as(issued.text()).isEqualTo(201);
    JsonNode view =
        query("finance1")
            .get("/api/receivables/invoices/" + invoiceId + "?minPosition=" + issued.position())
            .json();
    assertThat(view.get("dueDate").asText())
        .as("due after the account's 45 days, not the flat 30")
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(45).toString());
  }

  @Test
  void finance_releases_a_held_deal_of_a_customer_on_hold() {
    finance1.post("/api/credit-accounts", account(customer, "1000.00", 30));
    assertThat(finance1.post(base() + "/hold", Map.of("reason", "dispute")).status())
        .isEqualTo(200);
    String dealId = openDeal(manager, customer, "10.00");
    manager.post("/api/deals/" + dealId + "/win", win("10.00"));
    assertThat(types(SharedLedger.get(), dealId)).last().isEqualTo("DealPutOnCreditHold");

    assertProblem(
        manager.post(base() + "/held-deals/" + dealId + "/release", Map.of("reason", "x")),
        403,
        null);
    Api.Response released =
        finance2.post(
            base() + "/held-deals/" + dealId + "/release", Map.of("reason", "paid upfront"));
    assertThat(released.status()).as(released.text()).isEqualTo(200);
    assertThat(types(SharedLedger.get(), dealId)).endsWith("DealCreditHoldReleased", "DealWon");
    assertProblem(
        finance2.post(base() + "/held-deals/" + dealId + "/release", Map.of("reason", "again")),
        409,
        null);
    assertThat(finance1.post(base() + "/release", Map.of("reason", "settled")).status())
        .isEqualTo(200);
  }

  @Test
  void exposure_past_80_percent_of_the_limit_is_flagged_by_the_system_on_the_event() {
    finance1.post("/api/credit-accounts", account(customer, "1000.00", 30));
    String dealId = openDeal(manager, customer, "900.00");
    assertThat(manager.post("/api/deals/" + dealId + "/win", win("900.00")).status())
        .isEqualTo(200);

    CreditTesting.awaitWarningsSettled(SharedLedger.get());
    CreditTesting.Stored warning =
        events(SharedLedger.get(), streamOf(customer)).stream()
            .filter(e -> e.type().equals("CreditWarningRaised"))
            .findFirst()
            .orElseThrow();
    assertThat(warning.metaData().get("user").asText()).isEqualTo("system");
    assertThat(warning.payload().get("warning").get("reasons").get(0).asText())
        .isEqualTo("EXPOSURE_SHARE");
    assertThat(warning.payload().get("warning").get("exposure").decimalValue())
        .isEqualByComparingTo("900.00");
    assertThat(types(SharedLedger.get(), streamOf(customer)))
        .doesNotContain("CreditAccountHeldAutomatically");
  }
}
