package com.salesledger.launcher;

import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.RefusedCommandsTest.eventCount;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A command whose answer cannot be written as the client asks (Accept) or whose body is not JSON
 * (Content-Type) is refused before it is sent: no event, and a problem+json answer. Each request
 * below is valid otherwise, which the last step proves by sending them again with JSON.
 */
class ContentNegotiationTest {

  private final Api manager = command("manager1");
  private final Api finance = command("finance1");

  @Test
  void every_command_with_a_refused_accept_or_content_type_is_refused_and_records_nothing() {
    String wonDeal = opened();
    win(wonDeal);
    String invoice = unique("INV");
    assertThat(finance.post("/api/invoices", invoiceBody(invoice, wonDeal, "100.00")).status())
        .isEqualTo(201);
    String forLoss = opened();
    String forWin = opened();
    String forStage = opened();
    String forReassign = opened();

    Map<String, Object> commands = new LinkedHashMap<>();
    commands.put("manager1 POST /api/deals", TestDeals.dealFor("rep1"));
    commands.put("manager1 POST /api/deals/" + forStage + "/stage", Map.of("stage", "PROPOSAL"));
    commands.put(
        "manager1 POST /api/deals/" + forReassign + "/reassign",
        Map.of("ownerRep", "rep2", "team", "north-1", "reason", "holiday cover"));
    commands.put(
        "manager1 POST /api/deals/" + forWin + "/win",
        Map.of("finalAmount", "90.00", "cost", "10.00", "closeDate", "2025-03-01"));
    commands.put(
        "manager1 POST /api/deals/" + forLoss + "/lose",
        Map.of("reason", "budget cut", "closeDate", "2025-03-01"));
    String secondInvoice = unique("INV");
    commands.put("finance1 POST /api/invoices", invoiceBody(secondInvoice, wonDeal, "10.00"));
    commands.put(
        "finance1 POST /api/invoices/" + invoice + "/payments",
        Map.of("paymentId", unique("PAY"), "amount", "10.00", "receivedOn", "2025-03-05"));
    commands.put(
        "finance1 POST /api/invoices/" + invoice + "/credit-notes",
        Map.of(
            "creditNoteId",
            unique("CN"),
            "amount",
            "5.00",
            "issuedOn",
            "2025-03-05",
            "reason",
            "damaged goods"));
    commands.put(
        "finance1 POST /api/invoices/" + invoice + "/write-off",
        Map.of("amount", "1.00", "writtenOffOn", "2025-03-06", "reason", "uncollectable"));

    long before = eventCount();
    for (var command : commands.entrySet()) {
      String[] parts = command.getKey().split(" ");
      Api as = parts[0].equals("finance1") ? finance : manager;
      String body = json(command.getValue());
      for (String accept : new String[] {"application/xml", "text/html", "text/csv;q=1"}) {
        Api.Response refused =
            as.header("Accept", accept).send("POST", parts[2], "application/json", utf8(body));
        assertProblem(refused, 406, null);
      }
      Api.Response unsupported = as.send("POST", parts[2], "application/xml", utf8(body));
      assertProblem(unsupported, 415, null);
      Api.Response textPlain = as.send("POST", parts[2], "text/plain", utf8(body));
      assertProblem(textPlain, 415, null);
    }
    assertThat(eventCount()).as("events written by refused requests").isEqualTo(before);

    for (var command : commands.entrySet()) {
      String[] parts = command.getKey().split(" ");
      Api as = parts[0].equals("finance1") ? finance : manager;
      Api.Response accepted =
          as.header("Accept", "application/json").post(parts[2], command.getValue());
      assertThat(accepted.status())
          .as(command.getKey() + " " + accepted.text())
          .isBetween(200, 201);
    }
    assertThat(eventCount()).isGreaterThan(before);
  }

  private String opened() {
    Api.Response opened = manager.post("/api/deals", TestDeals.dealFor("rep1"));
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    return opened.json().get("dealId").asText();
  }

  private void win(String dealId) {
    Api.Response won =
        manager.post(
            "/api/deals/" + dealId + "/win",
            Map.of("finalAmount", "200.00", "cost", "50.00", "closeDate", "2025-02-01"));
    assertThat(won.status()).as(won.text()).isEqualTo(200);
  }

  private static Map<String, Object> invoiceBody(String invoiceId, String dealId, String amount) {
    return Map.of(
        "invoiceId", invoiceId, "dealId", dealId, "amount", amount, "issueDate", "2025-02-15");
  }

  private static String json(Object body) {
    try {
      return Api.JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
