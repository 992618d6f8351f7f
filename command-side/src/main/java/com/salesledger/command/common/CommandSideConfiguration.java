package com.salesledger.command.common;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.InitializingBean;
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

  /** With events in PostgreSQL the exact global index of the event is one indexed lookup. */
  @Bean
  @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
  EventPositions jdbcEventPositions(JdbcTemplate jdbc) {
    return (aggregateId, version) -> {
      Long position =
          jdbc.queryForObject(
              "select global_index from domain_event_entry"
                  + " where aggregate_identifier = ? and sequence_number = ?",
              Long.class,
              aggregateId,
              version);
      return position == null ? -1 : position;
    };
  }

  /**
   * Axon Server does not answer "position of this event" directly; the head of the stream right
   * after the command is at or past it, which is what read-your-writes needs.
   */
  @Bean
  @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
  EventPositions headEventPositions(EventStore eventStore) {
    return (aggregateId, version) -> {
      TrackingToken head = eventStore.createHeadToken();
      return head == null ? -1 : head.position().orElse(-1);
    };
  }
}
