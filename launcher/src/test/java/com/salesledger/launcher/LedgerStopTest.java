package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A stop in which one part fails still stops the others and lets the launcher exit. Seen twice on
 * the 10-million-event data set (after the jar had been rebuilt under the running ledger): after
 * SIGTERM the process stayed up half-stopped, the query side's connectors resetting every request
 * while the command side's processors went on, and the launcher waited for ever. The cause was not
 * reproduced (a third rebuild-and-stop stopped in 2 s); a throwing close is the one way the code
 * allowed for it, and is what this test makes happen.
 */
class LedgerStopTest {

  @Test
  void a_part_that_fails_to_stop_does_not_keep_the_others_running_or_the_launcher_waiting()
      throws Exception {
    GenericApplicationContext querySide =
        new GenericApplicationContext() {
          @Override
          public void close() {
            super.close();
            throw new NoClassDefFoundError("org/example/LoadedOnlyAtShutdown");
          }
        };
    GenericApplicationContext commandSide = new GenericApplicationContext();
    querySide.refresh();
    commandSide.refresh();
    Ledger ledger = new Ledger(null, commandSide, querySide);

    assertThatCode(ledger::close).doesNotThrowAnyException();

    assertThat(commandSide.isActive()).as("command side stopped").isFalse();
    assertThat(
            CompletableFuture.runAsync(
                    () -> {
                      try {
                        ledger.awaitStopped();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    })
                .orTimeout(5, TimeUnit.SECONDS)
                .handle((ok, failure) -> failure == null)
                .get())
        .as("the launcher's wait ends")
        .isTrue();
  }
}
