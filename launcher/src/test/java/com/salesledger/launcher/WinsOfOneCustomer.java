package com.salesledger.launcher;

import static com.salesledger.launcher.CreditTesting.events;
import static com.salesledger.launcher.CreditTesting.openDeal;
import static com.salesledger.launcher.CreditTesting.streamOf;
import static com.salesledger.launcher.CreditTesting.types;
import static com.salesledger.launcher.CreditTesting.win;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several deals of one customer, each won once with its own Idempotency-Key: sent all at once, cut
 * off by a crash or a stop, retried, and then checked for "every win credit-checked exactly once".
 * The crash and restart tests of credit control share it.
 */
final class WinsOfOneCustomer {

  private final String customer;
  private final String amount;
  private final List<String> deals = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();

  private WinsOfOneCustomer(String customer, String amount) {
    this.customer = customer;
    this.amount = amount;
  }

  /** Opens {@code count} deals of {@code amount} each for the customer, with a key per win. */
  static WinsOfOneCustomer open(Api manager, String customer, int count, String amount) {
    WinsOfOneCustomer wins = new WinsOfOneCustomer(customer, amount);
    for (int i = 0; i < count; i++) {
      wins.deals.add(openDeal(manager, customer, amount));
      wins.keys.add(unique("win-key"));
    }
    return wins;
  }

  List<String> deals() {
    return deals;
  }

  /** The win of deal {@code i} as a client sends it, with its own key (also for a retry). */
  Api.Response sendWin(Api manager, int i) {
    return manager
        .header("Idempotency-Key", keys.get(i))
        .post("/api/deals/" + deals.get(i) + "/win", win(amount));
  }

  /** Sends every win at once, one client each; answers the statuses, -1 where none came. */
  InFlight sendAllAtOnce(Api manager) {
    ExecutorService pool = Executors.newFixedThreadPool(deals.size());
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < deals.size(); i++) {
      int deal = i;
      answers.add(
          pool.submit(
              () -> {
                try {
                  return sendWin(manager, deal).status();
                } catch (AssertionError connectionDied) {
                  return -1; // the client cannot know what happened
                }
              }));
    }
    pool.shutdown();
    return new InFlight(answers);
  }

  /** Wins on their way; {@link #statuses()} waits for every answer. */
  record InFlight(List<Future<Integer>> answers) {
    List<Integer> statuses() throws Exception {
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      return statuses;
    }
  }

  /**
   * Every deal closed once (won or held) after exactly one credit check, {@code passed} checks
   * passed, and the exposure after the last passing check is {@code exposure}.
   */
  void assertEachCheckedExactlyOnce(Ledger ledger, int passed, String exposure) {
    String stream = streamOf(customer);
    List<CreditTesting.Stored> accountEvents = events(ledger, stream);
    for (String dealId : deals) {
      List<String> dealTypes = types(ledger, dealId);
      assertThat(
              dealTypes.stream()
                  .filter(t -> t.equals("DealWon") || t.equals("DealPutOnCreditHold"))
                  .count())
          .as("deal %s closed once: %s", dealId, dealTypes)
          .isEqualTo(1);
      assertThat(
              accountEvents.stream()
                  .filter(e -> e.type().startsWith("CreditCheck"))
                  .filter(e -> e.payload().get("dealId").asText().equals(dealId))
                  .count())
          .as("one credit check for %s", dealId)
          .isEqualTo(1);
    }
    assertThat(accountEvents.stream().filter(e -> e.type().equals("CreditCheckPassed")).count())
        .as("checks passed")
        .isEqualTo(passed);
    assertThat(accountEvents.stream().filter(e -> e.type().equals("CreditCheckFailed")).count())
        .as("checks failed")
        .isEqualTo(deals.size() - passed);
    BigDecimal exposureAfter =
        accountEvents.stream()
            .filter(e -> e.type().equals("CreditCheckPassed"))
            .reduce((a, b) -> b)
            .orElseThrow()
            .payload()
            .get("exposureAfter")
            .decimalValue();
    assertThat(exposureAfter).isEqualByComparingTo(exposure);
  }
}
