package com.salesledger.command.common;

import com.salesledger.platform.axon.EventStoreMonitor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
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
