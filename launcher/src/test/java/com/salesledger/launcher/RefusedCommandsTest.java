package com.salesledger.launcher;

import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.query;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input is answered with a problem naming the field and the rule, and changes nothing: the
 * event store holds exactly what it held before.
 */
class RefusedCommandsTest {

  private final Api manager = command("manager1");
  private final Api finance = command("finance1");

  @Test
  void a_missing_or_malformed_field_is_a_400_problem_naming_the_field() {
    Map<String, Object> body = validDeal();
    body.remove("customerId");
    body.put("amount", "twelve");
    assertProblem(manager.post("/api/deals", body), 400, "amount");

    Map<String, Object> missing = validDeal();
    missing.remove("productLine");
    assertProblem(manager.post("/api/deals", missing), 400, "productLine");

    Map<String, Object> badDate = validDeal();
    badDate.put("expectedCloseDate", "2025-02-30");
    assertProblem(manager.post("/api/deals", badDate), 400, "expectedCloseDate");

    Map<String, Object> badId = validDeal();
    badId.put("dealId", "has spaces/and slashes");
    assertProblem(manager.post("/api/deals", badId), 400, "dealId");

    Map<String, Object> badCurrency = validDeal();
    badCurrency.put("currency", "USD");
    assertProblem(manager.post("/api/deals", badCurrency), 400, "currency");
  }

  @Test
  void business_rules_refuse_without_storing_anything() {
    long before = eventCount();
    Map<String, Object> negative = validDeal();
    negative.put("amount", "-1");
    assertProblem(manager.post("/api/deals", negative), 400, "amount");
    Map<String, Object> tooPrecise = validDeal();
    tooPrecise.put("amount", "10.001");
    assertProblem(manager.post("/api/deals", tooPrecise), 400, "amount");
    Map<String, Object> closesBeforeOpening = validDeal();
    closesBeforeOpening.put("expectedCloseDate", "2024-12-31");
    assertProblem(manager.post("/api/deals", closesBeforeOpening), 400, "expectedCloseDate");
    assertThat(eventCount()).isEqualTo(before);

    String dealId = opened();
    long afterOpen = eventCount();
    assertProblem(
        manager.post(
            "/api/deals/" + dealId + "/win",
            Map.of("finalAmount", "100.00", "cost", "-1", "closeDate", "2025-03-01")),
        400,
        "cost");
    assertProblem(
        manager.post(
            "/api/deals/" + dealId + "/win",
            Map.of("finalAmount", "100.00", "cost", "1", "closeDate", "2024-12-01")),
        400,
        "closeDate");
    assertProblem(
        finance.post(
            "/api/invoices", Histories.invoice(unique("INV"), dealId, "10.00", "2025-03-01")),
        422,
        null);
    assertThat(eventCount()).isEqualTo(afterOpen);

    Api.Response won =
        manager.post(
            "/api/deals/" + dealId + "/win",
            Map.of("finalAmount", "100.00", "cost", "10.00", "closeDate", "2025-03-01"));
    assertThat(won.status()).isEqualTo(200);
    assertProblem(
        manager.post(
            "/api/deals/" + dealId + "/lose",
            Map.of("reason", "changed mind", "closeDate", "2025-03-02")),
        409,
        null);
    String invoiceId = unique("INV");
    assertThat(
            finance
                .post("/api/invoices", Histories.invoice(invoiceId, dealId, "100.00", "2025-03-02"))
                .status())
        .isEqualTo(201);
    long afterInvoice = eventCount();
    Api.Response tooMuch =
        finance.post(
            "/api/invoices/" + invoiceId + "/payments",
            Map.of("paymentId", unique("PAY"), "amount", "100.01", "receivedOn", "2025-03-10"));
    assertProblem(tooMuch, 422, null);
    assertThat(tooMuch.json().get("detail").asText()).contains("open amount 100.00");
    assertProblem(
        finance.post(
            "/api/invoices/" + invoiceId + "/write-off",
            Map.of("amount", "5.00", "writtenOffOn", "2025-03-10")),
        400,
        "reason");
    assertThat(eventCount()).isEqualTo(afterInvoice);

    JsonNode invoice =
        query("finance1")
            .get("/api/receivables/invoices/" + invoiceId + "?minPosition=" + lastPosition())
            .json();
    assertThat(invoice.get("open").decimalValue()).isEqualByComparingTo("100.00");
  }

  @Test
  void unknown_ids_are_404_and_garbage_is_never_a_server_error() {
    assertProblem(
        manager.post("/api/deals/" + unique("nope") + "/stage", Map.of("stage", "PROPOSAL")),
        404,
        null);
    assertProblem(query("manager1").get("/api/deals/" + unique("nope")), 404, null);
    assertProblem(query("finance1").get("/api/receivables/invoices/" + unique("nope")), 404, null);
    assertProblem(query("manager1").get("/api/dashboard/sales?period=2025-Q5"), 400, "period");
    assertProblem(
        query("manager1").get("/api/dashboard/sales?period=2025&groupBy=planet"), 400, "groupBy");
    assertProblem(query("manager1").get("/api/deals/x?minPosition=minus-one"), 400, "minPosition");

    List<String> garbage =
        List.of(
            "",
            "null",
            "[]",
            "{",
            "\"text\"",
            "{\"amount\": {}}",
            "{\"amount\": 1e400}",
            "{\"expectedCloseDate\": 20250101}",
            "{\"stage\": \"WON\"}",
            "{\"customerId\": " + "\"x\"".repeat(1) + ", \"amount\": 99999999999999999999}");
    for (String body : garbage) {
      for (String path :
          List.of(
              "/api/deals",
              "/api/deals/D-1/stage",
              "/api/deals/D-1/win",
              "/api/invoices",
              "/api/invoices/I-1/payments")) {
        Api.Response response =
            (path.startsWith("/api/invoices") ? finance : manager).post(path, body);
        assertThat(response.status())
            .as(path + " with " + body + ": " + response.text())
            .isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
      }
    }
  }

  private String opened() {
    Api.Response opened = manager.post("/api/deals", validDeal());
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    return opened.json().get("dealId").asText();
  }

  private static Map<String, Object> validDeal() {
    return TestDeals.dealFor("rep1"); // a rep of manager1's team north-1
  }

  static long eventCount() {
    return StoredEvents.count(SharedLedger.get());
  }

  static long lastPosition() {
    return Math.max(0, StoredEvents.lastPosition(SharedLedger.get()));
  }
}
