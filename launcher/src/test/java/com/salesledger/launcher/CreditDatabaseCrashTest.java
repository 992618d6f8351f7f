package com.salesledger.launcher;

import static com.salesledger.launcher.CreditTesting.account;
import static com.salesledger.launcher.CreditTesting.count;
import static com.salesledger.launcher.CreditTesting.events;
import static com.salesledger.launcher.CreditTesting.openDeal;
import static com.salesledger.launcher.CreditTesting.streamOf;
import static com.salesledger.launcher.CreditTesting.types;
import static com.salesledger.launcher.CreditTesting.win;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The database dies (every PostgreSQL process SIGKILLed) while wins of one customer are being
 * checked; the ledger restarts it by itself. Every win the client then retries with its
 * Idempotency-Key is checked exactly once: no check lost with the crash, none repeated by the
 * retry, and the exposure is the sum of the deals that passed.
 */
class CreditDatabaseCrashTest {

  private static final int DEALS = 12;

  @Test
  void wins_cut_off_by_a_database_crash_are_checked_exactly_once_each() throws Exception {
    Path dataDir = SharedLedger.tempDir();
    String customer = unique("cust");
    try (Ledger ledger = SharedLedger.startEmbedded(dataDir, Map.of())) {
      Api manager = Api.at(ledger.commandPort(), "manager1");
      Api.at(ledger.commandPort(), "finance1")
          .post("/api/credit-accounts", account(customer, "1500.00", 30));
      List<String> deals = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < DEALS; i++) {
        deals.add(openDeal(manager, customer, "300.00"));
        keys.add(unique("win-key"));
      }

      ExecutorService pool = Executors.newFixedThreadPool(DEALS);
      List<Future<Integer>> inFlight = new ArrayList<>();
      for (int i = 0; i < DEALS; i++) {
        Api keyed = manager.header("Idempotency-Key", keys.get(i));
        String dealId = deals.get(i);
        inFlight.add(
            pool.submit(
                () -> {
                  try {
                    return keyed.post("/api/deals/" + dealId + "/win", win("300.00")).status();
                  } catch (AssertionError e) {
                    return -1;
                  }
                }));
      }
      Thread.sleep(20);
      DatabaseCrashTest.killEveryProcess(ledger.embeddedDatabase().orElseThrow().serverProcess());
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : inFlight) {
        statuses.add(answer.get());
      }
      pool.shutdown();
      System.out.println("Wins answered around the database crash (-1: no answer): " + statuses);

      for (int i = 0; i < DEALS; i++) {
        Api keyed = manager.header("Idempotency-Key", keys.get(i));
        String dealId = deals.get(i);
        Api.Response retried =
            CreditTesting.await(
                "win " + dealId + " answered",
                () -> keyed.post("/api/deals/" + dealId + "/win", win("300.00")),
                r -> r.status() != 503);
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
      }

      String stream = streamOf(customer);
      for (String dealId : deals) {
        assertThat(
                types(ledger, dealId).stream()
                    .filter(t -> t.equals("DealWon") || t.equals("DealPutOnCreditHold"))
                    .count())
            .as("deal %s closed once", dealId)
            .isEqualTo(1);
        assertThat(
                events(ledger, stream).stream()
                    .filter(e -> e.type().startsWith("CreditCheck"))
                    .filter(e -> e.payload().get("dealId").asText().equals(dealId))
                    .count())
            .as("one credit check for %s", dealId)
            .isEqualTo(1);
      }
      assertThat(count(ledger, stream, "CreditCheckPassed")).as("1500 / 300").isEqualTo(5);
      assertThat(count(ledger, stream, "CreditCheckFailed")).isEqualTo(DEALS - 5);
      BigDecimal exposure =
          events(ledger, stream).stream()
              .filter(e -> e.type().equals("CreditCheckPassed"))
              .reduce((a, b) -> b)
              .orElseThrow()
              .payload()
              .get("exposureAfter")
              .decimalValue();
      assertThat(exposure).isEqualByComparingTo("1500.00");
      CreditTesting.awaitWarningsSettled(ledger);
    } finally {
      SharedLedger.deleteRecursively(dataDir);
    }
  }
}
