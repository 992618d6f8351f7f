package com.salesledger.command.demo;

import com.salesledger.command.history.HistoryGenerator;
import com.salesledger.command.history.HistoryShape;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On the first start with demo data on (the event store is empty), writes a generated history with
 * the benchmark's generator: its commands go through the real aggregates (every business rule
 * applies) and the accepted events are copied into the event store. Later starts find events and
 * load nothing.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final EventStore eventStore;
  private final DemoSettings settings;
  private final HistoryGenerator generator;

  DemoDataLoader(
      EventStore eventStore,
      DemoSettings settings,
      DataSource dataSource,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      Clock clock,
      @Value("${ledger.receivables.default-payment-terms-days:30}") int paymentTermsDays,
      @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
    this.eventStore = eventStore;
    this.settings = settings;
    this.generator =
        axonServer
            ? new HistoryGenerator(eventStore, clock, paymentTermsDays)
            : new HistoryGenerator(dataSource, eventSerializer, clock, paymentTermsDays);
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    TrackingToken head = eventStore.createHeadToken();
    if (head != null && head.position().orElse(0) > 0) {
      log.info("Event store already holds events; demo data is not loaded again.");
      return;
    }
    HistoryShape shape =
        new HistoryShape(
            settings.deals(), settings.years(), settings.customers(), 8, 3, settings.seed());
    HistoryGenerator.Result result =
        generator.generate(
            shape,
            1,
            "demo data",
            (done, total, events) -> {
              if (done == total || done % 10_000 == 0) {
                log.info("Demo data: {} of {} deals, {} events", done, total, events);
              }
            });
    log.info(
        "Demo data loaded: {} events of {} deals ({} commands refused by business rules) in {} ms",
        result.events(),
        result.deals(),
        result.commandsRefused(),
        result.millis());
  }
}
