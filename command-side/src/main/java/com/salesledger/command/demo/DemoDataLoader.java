package com.salesledger.command.demo;

import com.salesledger.events.common.LedgerMetaData;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On the first start with demo data on (the event store is empty), sends the generated history
 * through the normal command path, so every business rule applies to it. Later starts find events
 * and load nothing.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
  static final String LOADER_USER = "demo-loader";

  private final CommandGateway gateway;
  private final EventStore eventStore;
  private final DemoSettings settings;
  private final java.time.Clock clock;

  DemoDataLoader(
      CommandGateway gateway, EventStore eventStore, DemoSettings settings, java.time.Clock clock) {
    this.gateway = gateway;
    this.eventStore = eventStore;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    TrackingToken head = eventStore.createHeadToken();
    if (head != null && head.position().orElse(0) > 0) {
      log.info("Event store already holds events; demo data is not loaded again.");
      return;
    }
    long started = System.nanoTime();
    String correlationId = "demo-" + UUID.randomUUID();
    MetaData metaData =
        MetaData.from(
            Map.of(
                LedgerMetaData.USER,
                LOADER_USER,
                LedgerMetaData.ROLES,
                "ADMIN",
                LedgerMetaData.CORRELATION_ID,
                correlationId,
                LedgerMetaData.REASON,
                "demo data"));
    int[] sent = {0};
    int[] refused = {0};
    new DemoHistory(settings, java.time.LocalDate.now(clock))
        .commands(
            command -> {
              try {
                gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData),
                    60,
                    TimeUnit.SECONDS);
                sent[0]++;
              } catch (CommandExecutionException e) {
                refused[0]++;
                log.debug("Demo command refused: {}", e.getMessage());
              }
              if ((sent[0] + refused[0]) % 2000 == 0) {
                log.info("Demo data: {} commands sent", sent[0] + refused[0]);
              }
            });
    log.info(
        "Demo data loaded: {} commands applied, {} refused by business rules, in {} ms",
        sent[0],
        refused[0],
        (System.nanoTime() - started) / 1_000_000);
  }
}
