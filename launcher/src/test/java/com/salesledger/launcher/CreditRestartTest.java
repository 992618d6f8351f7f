package com.salesledger.launcher;

import static com.salesledger.launcher.CreditTesting.account;
import static com.salesledger.launcher.CreditTesting.count;
import static com.salesledger.launcher.CreditTesting.events;
import static com.salesledger.launcher.CreditTesting.openDeal;
import static com.salesledger.launcher.CreditTesting.streamOf;
import static com.salesledger.launcher.CreditTesting.types;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
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
    try {
      WinsOfOneCustomer wins;
      try (Ledger first = SharedLedger.start(dataDir, Map.of())) {
        Api manager = Api.at(first.commandPort(), "manager1");
        Api.at(first.commandPort(), "finance1")
            .post("/api/credit-accounts", account(customer, "1000.00", 30));
        wins = WinsOfOneCustomer.open(manager, customer, DEALS, "300.00");
        WinsOfOneCustomer.InFlight inFlight = wins.sendAllAtOnce(manager);
        Thread.sleep(30);
        first.close(); // stops while wins are in flight
        System.out.println("Wins answered before the stop (-1: no answer): " + inFlight.statuses());
      }

      try (Ledger second = SharedLedger.start(dataDir, Map.of())) {
        Api manager = Api.at(second.commandPort(), "manager1");
        for (int i = 0; i < DEALS; i++) {
          // The client retries every win it has no answer for (here: all) with the same key.
          Api.Response retried = wins.sendWin(manager, i);
          assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        }
        wins.assertEachCheckedExactlyOnce(second, 3, "900.00"); // 1000 / 300
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
