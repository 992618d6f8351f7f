package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stopping and starting the ledger on the same data folder keeps every event and every read model,
 * and demo data is loaded on the first start only.
 */
class RestartTest {

  private static final String IDEMPOTENCY_KEY = "restart-key-1";
  private static final Map<String, Object> OPEN_BODY = TestDeals.dealFor("rep1");
  private static final Map<String, Object> SMALL_DEMO =
      Map.of("ledger.demo.enabled", "true", "ledger.demo.deals", "25");

  @Test
  void a_restart_keeps_every_event_and_read_model_and_loads_demo_data_once() {
    Path dataDir = SharedLedger.tempDir();
    SharedLedger.emptyEventStoreForDemoData();
    long eventsBefore;
    long position;
    String dealId;
    String openAnswer;
    JsonNode dashboardBefore;
    JsonNode dealBefore;
    String token;
    try (Ledger first = SharedLedger.start(dataDir, SMALL_DEMO)) {
      token = Tokens.issued(first.commandPort(), "manager1");
      eventsBefore = events(first);
      assertThat(eventsBefore).as("demo data loaded on first start").isGreaterThan(25);
      Api.Response opened =
          Api.at(first.commandPort(), "manager1")
              .header("Idempotency-Key", IDEMPOTENCY_KEY)
              .post("/api/deals", OPEN_BODY);
      assertThat(opened.status()).isEqualTo(201);
      dealId = opened.json().get("dealId").asText();
      openAnswer = opened.text();
      position = opened.position();
      Api query = Api.at(first.queryPort(), "manager1");
      dealBefore = query.get("/api/deals/" + dealId + "?minPosition=" + position).json();
      dashboardBefore =
          query
              .get("/api/dashboard/sales?period=2025&groupBy=region&minPosition=" + position)
              .json();
      assertThat(dashboardBefore.get("groups").size()).isPositive();
    }

    try (Ledger second = SharedLedger.start(dataDir, SMALL_DEMO)) {
      assertRestarted(second, dealId, position, eventsBefore, dealBefore, dashboardBefore);
      assertThat(Api.bearer(second.queryPort(), token).get("/api/deals/" + dealId).status())
          .as("a token issued before the restart is still accepted")
          .isEqualTo(200);
      Api.Response repeated =
          Api.at(second.commandPort(), "manager1")
              .header("Idempotency-Key", IDEMPOTENCY_KEY)
              .post("/api/deals", OPEN_BODY);
      assertThat(repeated.text()).as("the key outlived the restart").isEqualTo(openAnswer);
      assertThat(events(second))
          .as("and the deal was not opened twice")
          .isEqualTo(eventsBefore + 2);
    } finally {
      SharedLedger.deleteRecursively(dataDir);
    }
  }

  private static void assertRestarted(
      Ledger second,
      String dealId,
      long position,
      long eventsBefore,
      JsonNode dealBefore,
      JsonNode dashboardBefore) {
    assertThat(events(second))
        .as("nothing lost, demo not loaded twice")
        .isEqualTo(eventsBefore + 1);
    Api query = Api.at(second.queryPort(), "manager1");
    Api.Response deal = query.get("/api/deals/" + dealId);
    assertThat(deal.status())
        .as("the read model survived without waiting for a replay")
        .isEqualTo(200);
    assertThat(deal.json()).isEqualTo(dealBefore);
    JsonNode dashboardAfter =
        query.get("/api/dashboard/sales?period=2025&groupBy=region&minPosition=" + position).json();
    assertThat(dashboardAfter.get("groups")).isEqualTo(dashboardBefore.get("groups"));

    Api.Response staged =
        Api.at(second.commandPort(), "manager1")
            .post(
                "/api/deals/" + dealId + "/stage",
                Map.of("stage", "PROPOSAL", "expectedVersion", 0));
    assertThat(staged.status()).as(staged.text()).isEqualTo(200);
    assertThat(staged.position()).isGreaterThan(position);
    assertThat(
            query
                .get("/api/deals/" + dealId + "?minPosition=" + staged.position())
                .json()
                .get("stage")
                .asText())
        .isEqualTo("PROPOSAL");
  }

  private static long events(Ledger ledger) {
    return StoredEvents.count(ledger);
  }
}
