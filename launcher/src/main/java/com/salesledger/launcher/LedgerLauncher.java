package com.salesledger.launcher;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./ledger}: both sides on the embedded PostgreSQL with demo data (loaded on the first start
 * only). Ctrl-C stops the query side, the command side, then the database.
 */
public final class LedgerLauncher {

  private static final Logger log = LoggerFactory.getLogger(LedgerLauncher.class);

  private LedgerLauncher() {}

  /**
   * The embedded PostgreSQL library stops the database from a JVM shutdown hook of its own, and
   * shutdown hooks run all at once: the database could go before the apps have finished. So Ctrl-C
   * and SIGTERM first close the apps and then the database, and only then exit.
   */
  @SuppressWarnings("restriction")
  private static void stopInOrderOn(Ledger ledger, String... signals) {
    for (String name : signals) {
      sun.misc.Signal.handle(
          new sun.misc.Signal(name),
          signal -> {
            log.info("Stopping the ledger (SIG{})", name);
            try {
              ledger.close();
            } finally {
              // exits even if a part failed to stop (logged by close): never a half-stopped process
              System.exit(128 + signal.getNumber());
            }
          });
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Ledger ledger = Ledger.start(Map.of("ledger.demo.enabled", "true"), args);
    stopInOrderOn(ledger, "INT", "TERM");
    Runtime.getRuntime().addShutdownHook(new Thread(ledger::close, "ledger-shutdown"));
    log.info(
        "Sales ledger is up: commands on http://localhost:{}/api, queries on http://localhost:{}/api,"
            + " Swagger UI at /swagger-ui.html on both. Ctrl-C stops it.",
        ledger.commandPort(),
        ledger.queryPort());
    ledger.awaitStopped();
  }
}
