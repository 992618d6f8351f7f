package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.platform.db.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * With an external database (here a PostgreSQL the test starts and stops itself), an outage is a
 * clean, short outage: commands, queries and health answer promptly (503, DOWN) and never hang, and
 * the ledger reconnects by itself when the database is back, projections included.
 */
class DatabaseOutageTest {

  private static final long PROMPTLY_MS = 5_000;

  @Test
  void while_the_database_is_down_requests_answer_503_promptly_and_all_resumes_when_it_is_back()
      throws Exception {
    Path databaseFolder = SharedLedger.tempDir();
    Path ledgerFolder = SharedLedger.tempDir();
    EmbeddedPostgresServer database = EmbeddedPostgresServer.start(databaseFolder, 0);
    int port = database.port();
    Map<String, Object> external =
        Map.of(
            "spring.datasource.url", database.jdbcUrl(),
            "spring.datasource.username", database.username(),
            "spring.datasource.password", database.password());
    try (Ledger ledger = SharedLedger.startEmbedded(ledgerFolder, external)) {
      Api manager = Api.at(ledger.commandPort(), "manager1");
      Api query = Api.at(ledger.queryPort(), "manager1");
      String before = opened(manager.post("/api/deals", TestDeals.dealFor("rep1")));

      database.close();
      long downSince = System.currentTimeMillis();

      // Keyed, as a client that will retry should send it: on Axon Server the events may be
      // committed before the key's row fails, and the retry must then answer, not apply again.
      Api keyed = manager.header("Idempotency-Key", SharedLedger.unique("outage"));
      Map<String, Object> during = TestDeals.dealFor("rep1");
      Timed<Api.Response> command = timed(() -> keyed.post("/api/deals", during));
      Timed<Api.Response> read = timed(() -> query.get("/api/deals/" + before));
      Timed<Api.Response> commandHealth =
          timed(() -> Api.at(ledger.commandPort(), null).get("/actuator/health"));
      Timed<Api.Response> queryHealth =
          timed(() -> Api.at(ledger.queryPort(), null).get("/actuator/health"));
      for (Timed<Api.Response> answer : new Timed[] {command, read}) {
        assertThat(answer.value().status()).as(answer.value().text()).isEqualTo(503);
        assertThat(answer.value().contentType()).startsWith("application/problem+json");
        assertThat(answer.value().headers()).containsEntry("retry-after", "2");
        assertThat(answer.ms()).isLessThan(PROMPTLY_MS);
      }
      for (Timed<Api.Response> health : new Timed[] {commandHealth, queryHealth}) {
        assertThat(health.value().status()).as(health.value().text()).isEqualTo(503);
        assertThat(health.value().json().get("status").asText()).isEqualTo("DOWN");
        assertThat(health.ms()).isLessThan(PROMPTLY_MS);
      }

      database = EmbeddedPostgresServer.start(databaseFolder, port);
      long restartedAt = System.currentTimeMillis();
      Api.Response after = untilNot503(() -> manager.post("/api/deals", TestDeals.dealFor("rep1")));
      long commandsBackMs = System.currentTimeMillis() - restartedAt;
      String afterId = opened(after);
      Api.Response projected =
          untilNot503(
              () -> query.get("/api/deals/" + afterId + "?minPosition=" + after.position()));
      long projectionsBackMs = System.currentTimeMillis() - restartedAt;
      assertThat(projected.status()).as(projected.text()).isEqualTo(200);
      assertThat(query.get("/api/deals/" + before).status()).isEqualTo(200);
      Api.Response retried = untilNot503(() -> keyed.post("/api/deals", during));
      String duringId = opened(retried);
      assertThat(keyed.post("/api/deals", during).json().get("dealId").asText())
          .as("the command refused during the outage is applied once, whenever retried")
          .isEqualTo(duringId);
      assertThat(
              untilNot503(
                      () ->
                          query.get(
                              "/api/deals/" + duringId + "?minPosition=" + retried.position()))
                  .status())
          .isEqualTo(200);
      assertThat(Api.at(ledger.queryPort(), null).get("/actuator/health").status()).isEqualTo(200);

      System.out.printf(
          "outage: command 503 in %d ms, query 503 in %d ms, health DOWN in %d / %d ms;"
              + " database down %d ms; after it was back: commands in %d ms, projections in %d ms%n",
          command.ms(),
          read.ms(),
          commandHealth.ms(),
          queryHealth.ms(),
          restartedAt - downSince,
          commandsBackMs,
          projectionsBackMs);
    } finally {
      database.close();
      SharedLedger.deleteRecursively(databaseFolder);
      SharedLedger.deleteRecursively(ledgerFolder);
    }
  }

  private record Timed<T>(T value, long ms) {}

  private static <T> Timed<T> timed(Supplier<T> call) {
    long start = System.nanoTime();
    T value = call.get();
    return new Timed<>(value, (System.nanoTime() - start) / 1_000_000);
  }

  private static Api.Response untilNot503(Supplier<Api.Response> call) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 90_000;
    Api.Response answer = call.get();
    while (answer.status() == 503 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      answer = call.get();
    }
    return answer;
  }

  private static String opened(Api.Response answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return answer.json().get("dealId").asText();
  }
}
