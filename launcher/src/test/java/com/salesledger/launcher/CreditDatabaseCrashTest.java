package com.salesledger.launcher;

import static com.salesledger.launcher.CreditTesting.account;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
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
      WinsOfOneCustomer wins = WinsOfOneCustomer.open(manager, customer, DEALS, "300.00");

      WinsOfOneCustomer.InFlight inFlight = wins.sendAllAtOnce(manager);
      Thread.sleep(20);
      DatabaseCrashTest.killEveryProcess(ledger.embeddedDatabase().orElseThrow().serverProcess());
      System.out.println(
          "Wins answered around the database crash (-1: no answer): " + inFlight.statuses());

      for (int i = 0; i < DEALS; i++) {
        int deal = i;
        Api.Response retried =
            CreditTesting.await(
                "win " + wins.deals().get(i) + " answered",
                () -> wins.sendWin(manager, deal),
                r -> r.status() != 503);
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
      }

      wins.assertEachCheckedExactlyOnce(ledger, 5, "1500.00"); // 1500 / 300
      CreditTesting.awaitWarningsSettled(ledger);
    } finally {
      SharedLedger.deleteRecursively(dataDir);
    }
  }
}
