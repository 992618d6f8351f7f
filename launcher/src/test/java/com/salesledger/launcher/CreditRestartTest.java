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

import com.github.kagkarlsson.scheduler.Scheduler;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Credit control across restarts: a credit check is never lost nor repeated when the ledger stops
 * in the middle of wins, and a daily review that fell due while the ledger was down runs after the
 * restart, once.
 */
class CreditRestartTest {

  private static final int DEALS = 6;

  @Test
  void wins_cut_off_by_a_restart_are_checked_exactly_once_each() throws Exception {
    Path dataDir = SharedLedger.tempDir();
    String customer = unique("cust");
    List<String> deals = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    try {
      try (Ledger first = SharedLedger.start(dataDir, Map.of())) {
        Api manager = Api.at(first.commandPort(), "manager1");
        Api.at(first.commandPort(), "finance1")
            .post("/api/credit-accounts", account(customer, "1000.00", 30));
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
                      return -1; // the connection died with the ledger: the client cannot know
                    }
                  }));
        }
        Thread.sleep(30);
        first.close(); // stops while wins are in flight
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : inFlight) {
          statuses.add(answer.get());
        }
        System.out.println("Wins answered before the stop (-1: no answer): " + statuses);
        pool.shutdown();
      }

      try (Ledger second = SharedLedger.start(dataDir, Map.of())) {
        Api manager = Api.at(second.commandPort(), "manager1");
        for (int i = 0; i < DEALS; i++) {
          // The client retries every win it has no answer for (here: all) with the same key.
          Api.Response retried =
              manager
                  .header("Idempotency-Key", keys.get(i))
                  .post("/api/deals/" + deals.get(i) + "/win", win("300.00"));
          assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        }
        String stream = streamOf(customer);
        for (String dealId : deals) {
          List<String> dealTypes = types(second, dealId);
          assertThat(
                  dealTypes.stream()
                      .filter(t -> t.equals("DealWon") || t.equals("DealPutOnCreditHold"))
                      .count())
              .as("deal %s closed once: %s", dealId, dealTypes)
              .isEqualTo(1);
          assertThat(
                  events(second, stream).stream()
                      .filter(e -> e.type().startsWith("CreditCheck"))
                      .filter(e -> e.payload().get("dealId").asText().equals(dealId))
                      .count())
              .as("one credit check for %s", dealId)
              .isEqualTo(1);
        }
        assertThat(count(second, stream, "CreditCheckPassed")).as("1000 / 300").isEqualTo(3);
        assertThat(count(second, stream, "CreditCheckFailed")).isEqualTo(3);
        BigDecimal exposure =
            events(second, stream).stream()
                .filter(e -> e.type().equals("CreditCheckPassed"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .payload()
                .get("exposureAfter")
                .decimalValue();
        assertThat(exposure).isEqualByComparingTo("900.00");
        CreditTesting.awaitWarningsSettled(second);
      }
    } finally {
      SharedLedger.deleteRecursively(dataDir);
    }
  }

  @Test
  void a_daily_review_due_while_the_ledger_was_down_runs_after_the_restart_as_the_system()
      throws Exception {
    Path dataDir = SharedLedger.tempDir();
    String customer = unique("cust");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try {
      // Thresholds so high that nothing is flagged on the events themselves.
      Map<String, Object> lenient =
          Map.of(
              "ledger.credit.warning.overdue-days",
              "3650",
              "ledger.credit.hold.overdue-days",
              "3650");
      try (Ledger first = SharedLedger.start(dataDir, lenient)) {
        Api manager = Api.at(first.commandPort(), "manager1");
        Api finance = Api.at(first.commandPort(), "finance1");
        finance.post("/api/credit-accounts", account(customer, "100000.00", 30));
        String dealId = openDeal(manager, customer, "500.00");
        Map<String, Object> won =
            Map.of(
                "finalAmount",
                "500.00",
                "cost",
                "1.00",
                "closeDate",
                today.minusDays(200).toString());
        assertThat(manager.post("/api/deals/" + dealId + "/win", won).status()).isEqualTo(200);
        Api.Response issued =
            finance.post(
                "/api/invoices",
                Map.of(
                    "invoiceId",
                    unique("INV"),
                    "dealId",
                    dealId,
                    "amount",
                    "500.00",
                    "issueDate",
                    today.minusDays(200).toString()));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        CreditTesting.awaitWarningsSettled(first);
        assertThat(types(first, streamOf(customer))).doesNotContain("CreditWarningRaised");

        // The review falls due while the ledger is down.
        first.commandSide().getBean(Scheduler.class).stop();
        int due =
            jdbc(first)
                .update(
                    "update scheduled_tasks set execution_time = now() - interval '1 minute'"
                        + " where task_name = 'credit-review'");
        assertThat(due).as("the daily review is a row in PostgreSQL").isEqualTo(1);
      }

      try (Ledger second = SharedLedger.start(dataDir, Map.of())) {
        String stream = streamOf(customer);
        CreditTesting.awaitTrue(
            "automatic hold",
            () -> types(second, stream).contains("CreditAccountHeldAutomatically"));
        CreditTesting.Stored hold =
            events(second, stream).stream()
                .filter(e -> e.type().equals("CreditAccountHeldAutomatically"))
                .findFirst()
                .orElseThrow();
        assertThat(hold.metaData().get("user").asText()).isEqualTo("system");
        assertThat(hold.payload().get("warning").get("reasons").get(0).asText())
            .isEqualTo("OVERDUE_INVOICE");
        assertThat(hold.payload().get("warning").get("oldestOverdue").get("daysOverdue").asLong())
            .isEqualTo(170);
        CreditTesting.awaitTrue(
            "next review scheduled for tomorrow",
            () ->
                Boolean.TRUE.equals(
                    jdbc(second)
                        .queryForObject(
                            "select execution_time > now() and last_success is not null"
                                + " from scheduled_tasks where task_name = 'credit-review'",
                            Boolean.class)));
        CreditTesting.awaitWarningsSettled(second);
        assertThat(count(second, stream, "CreditWarningRaised")).isEqualTo(1);
        assertThat(count(second, stream, "CreditAccountHeldAutomatically")).isEqualTo(1);
      }
    } finally {
      SharedLedger.deleteRecursively(dataDir);
    }
  }

  private static JdbcTemplate jdbc(Ledger ledger) {
    return ledger.commandSide().getBean(JdbcTemplate.class);
  }
}
