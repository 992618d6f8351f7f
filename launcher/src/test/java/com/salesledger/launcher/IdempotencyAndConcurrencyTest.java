package com.salesledger.launcher;

import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.RefusedCommandsTest.eventCount;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.query;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A repeated command is applied once; concurrent writers never lose an update. */
class IdempotencyAndConcurrencyTest {

  private final Api manager = command("manager1");
  private final Api finance = command("finance1");

  private static Map<String, Object> deal() {
    return TestDeals.dealFor(TestOrganisation.newRep());
  }

  @Test
  void the_same_idempotency_key_and_body_is_applied_once_and_answered_the_same() {
    Api keyed = manager.header("Idempotency-Key", unique("key"));
    Map<String, Object> body = deal();
    Api.Response first = keyed.post("/api/deals", body);
    long events = eventCount();
    Api.Response again = keyed.post("/api/deals", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.text()).isEqualTo(first.text());
    assertThat(again.position()).isEqualTo(first.position());
    assertThat(eventCount()).isEqualTo(events);

    Map<String, Object> other = TestDeals.dealFor((String) body.get("ownerRep"));
    Api.Response otherBody = keyed.post("/api/deals", other);
    assertProblem(otherBody, 422, "Idempotency-Key");
    assertThat(eventCount()).isEqualTo(events);
  }

  @Test
  void the_same_key_sent_by_many_clients_at_once_is_applied_once() throws Exception {
    Api keyed = finance.header("Idempotency-Key", unique("key"));
    String invoiceId = wonAndInvoiced("1000.00");
    Map<String, Object> payment =
        Map.of("paymentId", unique("PAY"), "amount", "10.00", "receivedOn", "2025-03-10");
    List<Api.Response> answers =
        parallel(8, () -> keyed.post("/api/invoices/" + invoiceId + "/payments", payment));
    assertThat(answers).extracting(Api.Response::status).containsOnly(201);
    assertThat(answers).extracting(Api.Response::text).containsOnly(answers.get(0).text());
    long position = answers.stream().mapToLong(Api.Response::position).max().orElseThrow();
    assertThat(
            query("finance1")
                .get("/api/receivables/invoices/" + invoiceId + "?minPosition=" + position)
                .json()
                .get("paid")
                .decimalValue())
        .isEqualByComparingTo("10.00");
  }

  @Test
  void concurrent_payments_never_lose_an_update_nor_exceed_the_open_amount() throws Exception {
    String invoiceId = wonAndInvoiced("100.00");
    List<Api.Response> answers =
        parallel(
            12,
            () ->
                finance.post(
                    "/api/invoices/" + invoiceId + "/payments",
                    Map.of(
                        "paymentId",
                        unique("PAY"),
                        "amount",
                        "10.00",
                        "receivedOn",
                        "2025-03-10")));
    long accepted = answers.stream().filter(r -> r.status() == 201).count();
    assertThat(answers)
        .extracting(Api.Response::status)
        .as("each payment is accepted, refused as over the open amount, or reported as a conflict")
        .allMatch(s -> s == 201 || s == 409 || s == 422);
    assertThat(accepted).isEqualTo(10);
    long position =
        answers.stream()
            .filter(r -> r.status() == 201)
            .mapToLong(Api.Response::position)
            .max()
            .orElseThrow();
    var invoice =
        query("finance1")
            .get("/api/receivables/invoices/" + invoiceId + "?minPosition=" + position)
            .json();
    assertThat(invoice.get("paid").decimalValue())
        .isEqualByComparingTo(BigDecimal.TEN.multiply(BigDecimal.valueOf(accepted)));
    assertThat(invoice.get("open").decimalValue()).isEqualByComparingTo("0.00");
  }

  @Test
  void a_stale_expected_version_and_a_duplicate_id_are_conflicts() {
    String dealId = unique("D");
    Map<String, Object> body = deal();
    body.put("dealId", dealId);
    assertThat(manager.post("/api/deals", body).status()).isEqualTo(201);
    assertProblem(manager.post("/api/deals", body), 409, null);

    Api.Response staged =
        manager.post(
            "/api/deals/" + dealId + "/stage", Map.of("stage", "QUALIFIED", "expectedVersion", 0));
    assertThat(staged.status()).as(staged.text()).isEqualTo(200);
    assertThat(staged.json().get("version").asLong()).isEqualTo(1);
    assertProblem(
        manager.post(
            "/api/deals/" + dealId + "/stage", Map.of("stage", "PROPOSAL", "expectedVersion", 0)),
        409,
        null);
    assertThat(
            manager
                .post(
                    "/api/deals/" + dealId + "/stage",
                    Map.of("stage", "PROPOSAL", "expectedVersion", 1))
                .status())
        .isEqualTo(200);
  }

  private String wonAndInvoiced(String amount) {
    Api.Response opened = manager.post("/api/deals", deal());
    String dealId = opened.json().get("dealId").asText();
    assertThat(
            manager
                .post(
                    "/api/deals/" + dealId + "/win",
                    Map.of("finalAmount", amount, "cost", "1.00", "closeDate", "2025-03-01"))
                .status())
        .isEqualTo(200);
    String invoiceId = unique("INV");
    Api.Response issued =
        finance.post("/api/invoices", Histories.invoice(invoiceId, dealId, amount, "2025-03-02"));
    assertThat(issued.status()).as(issued.text()).isEqualTo(201);
    return invoiceId;
  }

  private static List<Api.Response> parallel(int clients, Callable<Api.Response> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Api.Response>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        futures.add(pool.submit(call));
      }
      List<Api.Response> answers = new ArrayList<>();
      for (Future<Api.Response> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
