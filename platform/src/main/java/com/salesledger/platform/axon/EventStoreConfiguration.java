package com.salesledger.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Events in PostgreSQL through Axon's JDBC storage engine (the default, when Axon Server is off).
 * The tables come from the Flyway migration {@code db/eventstore}; these names must match it.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventStoreConfiguration {

  public static final String EVENT_TABLE = "domain_event_entry";

  @Bean
  PersistenceExceptionResolver persistenceExceptionResolver() {
    return new PostgresDuplicateKeyResolver();
  }

  @Bean
  EventSchema eventSchema() {
    return EventSchema.builder()
        .eventTable(EVENT_TABLE)
        .snapshotTable("snapshot_event_entry")
        .globalIndexColumn("global_index")
        .timestampColumn("time_stamp")
        .eventIdentifierColumn("event_identifier")
        .aggregateIdentifierColumn("aggregate_identifier")
        .sequenceNumberColumn("sequence_number")
        .typeColumn("type")
        .payloadTypeColumn("payload_type")
        .payloadRevisionColumn("payload_revision")
        .payloadColumn("payload")
        .metaDataColumn("meta_data")
        .build();
  }

  /**
   * Axon's JDBC token store, with the name this instance's claims carry: by default the JVM's
   * {@code pid@host}; set {@code ledger.node-id} when several instances share one JVM (tests).
   */
  @Bean
  TokenStore tokenStore(
      ConnectionProvider connectionProvider,
      Serializer defaultSerializer,
      TokenSchema tokenSchema,
      @Value("${ledger.node-id:}") String nodeId) {
    JdbcTokenStore.Builder builder =
        JdbcTokenStore.builder()
            .connectionProvider(connectionProvider)
            .serializer(defaultSerializer)
            .schema(tokenSchema)
            .contentType(byte[].class);
    return (nodeId.isBlank() ? builder : builder.nodeId(nodeId)).build();
  }

  /**
   * A transaction that commits later than the gap timeout would never be seen by the projections
   * (AXON-NOTES.md), so the timeout is raised well above any transaction we allow to run.
   */
  @Bean
  EventStorageEngine eventStorageEngine(
      Serializer defaultSerializer,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      Configuration configuration,
      ConnectionProvider connectionProvider,
      TransactionManager transactionManager,
      EventSchema eventSchema,
      @Value("${ledger.eventstore.gap-timeout-ms:600000}") int gapTimeoutMs,
      @Value("${ledger.eventstore.fetch-size:500}") int fetchSize) {
    return JdbcEventStorageEngine.builder()
        .snapshotSerializer(defaultSerializer)
        .eventSerializer(eventSerializer)
        .upcasterChain(configuration.upcasterChain())
        .snapshotFilter(configuration.snapshotFilter())
        .persistenceExceptionResolver(persistenceExceptionResolver)
        .connectionProvider(connectionProvider)
        .transactionManager(transactionManager)
        .schema(eventSchema)
        .dataType(byte[].class)
        .gapTimeout(gapTimeoutMs)
        // events per query when a processor reads the stream: Axon's 100 made catch-up and
        // rebuilds wait on round trips (seen: ~150 events/s on a loaded machine); more than a few
        // hundred only costs heap (every reading processor holds a fetch)
        .batchSize(fetchSize)
        .build();
  }

  /**
   * Projections in another process learn of new events by polling; a short fetch delay keeps
   * read-your-writes waits short (the default is one second).
   */
  @Bean(name = "eventBus")
  @Qualifier("eventStore")
  EmbeddedEventStore eventStore(
      EventStorageEngine storageEngine,
      @Value("${ledger.eventstore.fetch-delay-ms:50}") long fetchDelayMs,
      @Value("${ledger.eventstore.cached-events:1000}") int cachedEvents,
      @Value("${ledger.eventstore.shared-tail:false}") boolean sharedTail,
      ObjectProvider<EventStoreMonitor> monitor) {
    // Each processor reads its own stream (Axon's optimizeEventConsumption off). With one shared
    // reader and cache (Axon's default), a processor that falls behind keeps its place in the
    // shared list and everything read after it stays in memory: catching up 1.4 million events,
    // 130,000 and 240,000 events were held and the 320 MiB heap ran out (heap histograms). With
    // own streams the same catch-up peaked at 360 MiB resident. Read-your-writes measured the same
    // either way (about 0.14 s for a deal read right after opening it, on a demo ledger).
    // The cache size matters only with ledger.eventstore.shared-tail=true.
    return EmbeddedEventStore.builder()
        .storageEngine(storageEngine)
        .fetchDelay(fetchDelayMs)
        .cachedEvents(cachedEvents)
        .optimizeEventConsumption(sharedTail)
        // the command side's: which event a command appended last (a plain bean, so the store
        // depends on nothing of Axon's configuration)
        .messageMonitor(
            monitor.stream()
                .findFirst()
                .<MessageMonitor<? super EventMessage<?>>>map(m -> m)
                .orElse(NoOpMessageMonitor.instance()))
        .build();
  }
}
