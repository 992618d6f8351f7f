package com.salesledger.launcher;

import static com.salesledger.launcher.CreditTesting.account;
import static com.salesledger.launcher.CreditTesting.count;
import static com.salesledger.launcher.CreditTesting.openDeal;
import static com.salesledger.launcher.CreditTesting.streamOf;
import static com.salesledger.launcher.CreditTesting.types;
import static com.salesledger.launcher.CreditTesting.win;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two deals of one customer won at the same moment that together exceed the limit: exactly one
 * passes the credit check, the other is held. Both are answered 200 at once: on one instance the
 * account's lock makes the wins take turns, and a win that loses the race on the account anyway
 * (two instances, {@link TwoCommandSidesTest}) is sent again by the command side.
 */
class CreditRaceTest {

  @RepeatedTest(3)
  void of_two_wins_at_once_against_one_limit_exactly_one_passes() throws Exception {
    Api manager = command("manager1");
    String customer = unique("cust");
    command("finance1").post("/api/credit-accounts", account(customer, "1000.00", 30));
    List<String> deals =
        List.of(openDeal(manager, customer, "600.00"), openDeal(manager, customer, "600.00"));

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> answers = new ArrayList<>();
    for (String dealId : deals) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return manager.post("/api/deals/" + dealId + "/win", win("600.00")).status();
              }));
    }
    start.countDown();
    for (Future<Integer> answer : answers) {
      assertThat(answer.get()).isEqualTo(200);
    }
    pool.shutdown();

    Ledger ledger = SharedLedger.get();
    assertThat(deals.stream().map(d -> types(ledger, d).get(types(ledger, d).size() - 1)))
        .containsExactlyInAnyOrder("DealWon", "DealPutOnCreditHold");
    assertThat(count(ledger, streamOf(customer), "CreditCheckPassed")).isEqualTo(1);
    assertThat(count(ledger, streamOf(customer), "CreditCheckFailed")).isEqualTo(1);
    CreditTesting.awaitWarningsSettled(ledger);
  }
}
