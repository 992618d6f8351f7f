package com.salesledger.command.common;

import com.salesledger.platform.axon.EventStoreMonitor;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

  @Bean
  InitializingBean commandOutcomeInterceptorRegistration(CommandBus commandBus, JdbcTemplate jdbc) {
    return () -> commandBus.registerHandlerInterceptor(new CommandOutcomeInterceptor(jdbc));
  }

  /** The event store tells which event a command appended last (its answer's position). */
  @Bean
  EventStoreMonitor lastEventOfCommand() {
    return new LastEventOfCommand();
  }

  /**
   * Behind Axon Server the event store is Axon's own, built by its auto-configuration, which asks
   * the configuration for its monitor: without this, a command that changes several aggregates (a
   * decomposition, an approval that books held deals) answered its first aggregate's position
   * there, and a read at that position could miss the rest (AttainmentApiTest, Axon Server suite).
   */
  @Bean
  @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
  ConfigurerModule lastEventOfCommandBehindAxonServer(EventStoreMonitor lastEventOfCommand) {
    MessageMonitor<Message<?>> events =
        message ->
            message instanceof EventMessage<?> event
                ? lastEventOfCommand.onMessageIngested(event)
                : NoOpMessageMonitorCallback.INSTANCE;
    return configurer ->
        configurer.configureMessageMonitor(AxonServerEventStore.class, c -> events);
  }

  /**
   * Built as Axon's auto-configuration builds its local command bus, as a {@link LedgerCommandBus}.
   * With Axon Server the unit of work gets no transaction of its own: the bus wraps it in one that
   * commits after the events.
   */
  @Bean
  @Qualifier("localSegment")
  SimpleCommandBus ledgerCommandBus(
      TransactionManager transactionManager,
      org.axonframework.config.Configuration axon,
      DuplicateCommandHandlerResolver duplicateResolver,
      @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
    SimpleCommandBus.Builder builder =
        SimpleCommandBus.builder()
            .transactionManager(axonServer ? NoTransactionManager.instance() : transactionManager)
            .duplicateCommandHandlerResolver(duplicateResolver)
            .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
            .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"));
    SimpleCommandBus bus = new LedgerCommandBus(builder, axonServer ? transactionManager : null);
    bus.registerHandlerInterceptor(
        new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
    return bus;
  }

  /** With events in PostgreSQL the exact global index of the event is one indexed lookup. */
  @Bean
  @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
  EventPositions jdbcEventPositions(JdbcTemplate jdbc) {
    return new EventPositions() {
      @Override
      public long mark() {
        return NO_MARK;
      }

      @Override
      public long positionOf(String aggregateId, long version, long mark) {
        Long position =
            jdbc.queryForObject(
                "select global_index from domain_event_entry"
                    + " where aggregate_identifier = ? and sequence_number = ?",
                Long.class,
                aggregateId,
                version);
        return position == null ? -1 : position;
      }
    };
  }

  @Bean
  @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
  EventPositions axonServerEventPositions(EventStore eventStore) {
    return new AxonServerEventPositions(eventStore);
  }
}
