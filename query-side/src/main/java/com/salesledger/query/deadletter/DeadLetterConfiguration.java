package com.salesledger.query.deadletter;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every projection, present and future, gets Axon's JDBC dead-letter queue (table {@code
 * deadletterentry}): an event its handler cannot apply is parked there, and later events of the
 * same aggregate queue behind it (Axon's default sequencing is per aggregate), so per-aggregate
 * order holds while every other aggregate flows on. A failure of the database rather than of the
 * event is not parked but tried again ({@link ParkOnlyWhatTheEventCauses}).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

  @Bean
  ConfigurerModule deadLetterQueueForEveryProjection(
      ConnectionProvider connectionProvider,
      TransactionManager transactionManager,
      Serializer serializer,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      @Value("${ledger.dead-letters.max-sequences:100000}") int maxSequences) {
    return new ConfigurerModule() {
      @Override
      public void configureModule(org.axonframework.config.Configurer configurer) {
        configurer
            .eventProcessing()
            .registerDefaultDeadLetterPolicy(configuration -> new ParkOnlyWhatTheEventCauses())
            .registerDeadLetterQueueProvider(
                processingGroup ->
                    configuration ->
                        JdbcSequencedDeadLetterQueue.builder()
                            .processingGroup(processingGroup)
                            .connectionProvider(connectionProvider)
                            .transactionManager(transactionManager)
                            // Table deadletterentry of db/eventstore V1, in every profile.
                            .schema(DeadLetterSchema.defaultSchema())
                            .genericSerializer(serializer)
                            .eventSerializer(eventSerializer)
                            .maxSequences(maxSequences)
                            .maxSequenceSize(maxSequences)
                            .build());
      }

      /** After Axon's own module, which would enable dead letters only per property. */
      @Override
      public int order() {
        return Integer.MAX_VALUE;
      }
    };
  }

  /** Each handler call in a savepoint, so a failed statement does not doom the whole batch. */
  @Bean
  HandlerEnhancerDefinition savepointPerEventHandler(
      ObjectProvider<PlatformTransactionManager> transactionManager) {
    return new SavepointPerEventHandler(transactionManager);
  }
}
