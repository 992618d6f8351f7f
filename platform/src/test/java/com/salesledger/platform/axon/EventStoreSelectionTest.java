package com.salesledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Events go to PostgreSQL through the JDBC engine unless the axonserver profile turns Axon Server
 * on; then our storage beans step aside for Axon Server's event store.
 */
class EventStoreSelectionTest {

  static class AxonInfrastructure {
    @Bean
    @Primary
    Serializer serializer() {
      return JacksonSerializer.defaultSerializer();
    }

    @Bean
    Serializer eventSerializer() {
      return JacksonSerializer.defaultSerializer();
    }

    @Bean
    Configuration axonConfiguration() {
      return DefaultConfigurer.defaultConfiguration().buildConfiguration();
    }

    @Bean
    ConnectionProvider connectionProvider() {
      return () -> {
        throw new IllegalStateException("no database in this test");
      };
    }

    @Bean
    TransactionManager transactionManager() {
      return NoTransactionManager.INSTANCE;
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(
              AxonInfrastructure.class,
              EventStoreConfiguration.class,
              TokenStoreConfiguration.class);

  @Test
  void without_axon_server_events_are_stored_by_the_jdbc_engine_with_a_raised_gap_timeout() {
    runner
        .withPropertyValues("axon.axonserver.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(EventStorageEngine.class))
                  .isInstanceOf(JdbcEventStorageEngine.class)
                  .hasFieldOrPropertyWithValue("gapTimeout", 600_000);
              assertThat(context.getBean("eventBus")).isInstanceOf(EmbeddedEventStore.class);
              assertThat(context.getBean(PostgresDuplicateKeyResolver.class)).isNotNull();
            });
  }

  @Test
  void with_axon_server_our_jdbc_storage_is_not_created() {
    runner
        .withPropertyValues("axon.axonserver.enabled=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(EventStorageEngine.class);
              assertThat(context).doesNotHaveBean("eventBus");
            });
  }
}
