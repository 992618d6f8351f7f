package com.salesledger.launcher;

import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A query that names a position sees that position's writes, or says it cannot yet. */
class ReadYourWritesTest {

  @Test
  void a_query_with_the_commands_position_sees_the_command_at_once() {
    for (int i = 0; i < 10; i++) {
      Api.Response opened = command("manager1").post("/api/deals", TestDeals.dealFor("rep1"));
      String dealId = opened.json().get("dealId").asText();
      Api.Response read =
          query("manager1")
              .header("X-Ledger-Min-Position", Long.toString(opened.position()))
              .get("/api/deals/" + dealId);
      assertThat(read.status()).as(read.text()).isEqualTo(200);
      assertThat(read.position()).isGreaterThanOrEqualTo(opened.position());
      assertThat(read.json().get("updatedAtPosition").asLong())
          .isGreaterThanOrEqualTo(opened.position());
    }
  }

  /**
   * A processor with no handler for the newest event (the targets processor and a deal) may answer
   * at once, but never before it has handled an earlier write of the same client: the target set
   * just before the deal is in the answer that waits for the deal's position.
   */
  @Test
  void a_write_before_an_event_the_projection_ignores_is_still_in_the_answer() {
    int year = 2100 + (int) (System.nanoTime() % 800);
    for (int month = 1; month <= 6; month++) {
      String period = year + "-0" + month;
      Api.Response set =
          command("finance1")
              .post(
                  "/api/targets",
                  java.util.Map.of(
                      "scope", java.util.Map.of("level", "REP", "id", "rep1"),
                      "period", period,
                      "metric", "REVENUE",
                      "amount", "1000.00",
                      "reason", "plan"));
      assertThat(set.status()).as(set.text()).isEqualTo(201);
      Api.Response opened = command("manager1").post("/api/deals", TestDeals.dealFor("rep1"));
      assertThat(opened.position()).isGreaterThan(set.position());
      Api.Response targets =
          query("finance1")
              .get(
                  "/api/targets?scope=REP:rep1&period="
                      + period
                      + "&minPosition="
                      + opened.position());
      assertThat(targets.status()).as(targets.text()).isEqualTo(200);
      assertThat(targets.json().get("targets").size()).as(targets.text()).isEqualTo(1);
    }
  }

  @Test
  void a_position_the_read_model_has_not_reached_is_a_503_with_retry_after() {
    Api.Response response =
        query("manager1").get("/api/dashboard/sales?period=2025&minPosition=999999999");
    assertProblem(response, 503, null);
    assertThat(response.headers().get("retry-after")).isEqualTo("1");
    assertThat(response.json().get("detail").asText()).contains("999999999");
  }

  @Test
  void every_query_answer_carries_the_read_model_position() {
    Api.Response dashboard = query("auditor1").get("/api/dashboard/sales?period=2025");
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.position()).isGreaterThanOrEqualTo(0);
    Api.Response health =
        Api.at(SharedLedger.get().queryPort(), "auditor1").get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().at("/components/projections/details/processors/sales/lag").isNumber())
        .isTrue();
  }

  /**
   * A projection that has handled every event it subscribes to is not lagging, also when the newest
   * events are of types it has no handler for (here a deal event, which receivables ignores).
   */
  @Test
  void health_shows_no_lag_once_the_projections_are_at_the_head() throws InterruptedException {
    Api.Response opened = command("manager1").post("/api/deals", TestDeals.dealFor("rep1"));
    assertThat(opened.status()).isEqualTo(201);
    // Health details (the processors) are shown to a signed-in user only.
    Api health = Api.at(SharedLedger.get().queryPort(), "auditor1");
    JsonNode processors = null;
    for (int i = 0; i < 100; i++) {
      processors =
          health.get("/actuator/health").json().at("/components/projections/details/processors");
      if (atHead(processors, opened.position())) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(atHead(processors, opened.position())).as(String.valueOf(processors)).isTrue();
  }

  private static boolean atHead(JsonNode processors, long position) {
    for (String name : List.of("deals", "sales", "receivables")) {
      JsonNode processor = processors.get(name);
      if (processor == null
          || processor.get("lag").asLong() != 0
          || processor.get("position").asLong() < position) {
        return false;
      }
    }
    return true;
  }
}
