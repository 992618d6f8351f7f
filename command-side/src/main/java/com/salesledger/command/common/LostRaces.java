package com.salesledger.command.common;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Sends a command again when it lost a race it did not ask for. On one command-side instance Axon's
 * repository locks each aggregate for the unit of work, so two wins of one customer's deals take
 * turns on the customer's credit account. Two instances on one database (or behind Axon Server)
 * share no lock: the second win's append to the account fails and nothing of it is stored. Its
 * sender asked to win a deal, not to change that account at a version, so the command is sent again
 * and decides on the winner's state (the second deal goes on credit hold, as on one instance). A
 * deadlock or serialization failure in PostgreSQL is the same kind of loss and is sent again too. A
 * stale {@code expectedVersion} or a duplicate id is never retried; after {@link #ATTEMPTS} lost
 * races the last one is answered (409).
 */
public final class LostRaces {

  static final int ATTEMPTS = 5;

  private LostRaces() {}

  /** The outcome of {@code send}, sent again after a short pause while it loses races. */
  public static <T> T retried(Supplier<T> send) {
    for (int attempt = 1; ; attempt++) {
      try {
        return send.get();
      } catch (RuntimeException failure) {
        if (attempt >= ATTEMPTS || !CommitFailures.isLostRace(failure) || !paused(attempt)) {
          throw failure;
        }
      }
    }
  }

  /**
   * A few milliseconds, more after each loss, spread so that two losers do not meet again; false
   * when interrupted (then the lost race is answered as it is).
   */
  private static boolean paused(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
