package com.salesledger.platform.axon;

import com.salesledger.events.common.LedgerMetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Copies who, why, the correlation id and the Idempotency-Key from each command onto every event it
 * causes.
 */
@Configuration(proxyBeanMethods = false)
public class MetaDataConfiguration {

  /**
   * Axon's origin provider would overwrite {@code correlationId} with the causing message's id;
   * here it records that id as the causation instead, and the request's correlation id stays.
   */
  @Bean
  CorrelationDataProvider messageOriginProvider() {
    return new MessageOriginProvider(LedgerMetaData.CAUSATION_ID, LedgerMetaData.TRACE_ID);
  }

  /**
   * The Idempotency-Key and request hash go onto the events too: with events in Axon Server and
   * keys in PostgreSQL the events are where a key whose row was lost is found again.
   */
  @Bean
  CorrelationDataProvider ledgerMetaDataProvider() {
    return new SimpleCorrelationDataProvider(
        LedgerMetaData.USER,
        LedgerMetaData.ROLES,
        LedgerMetaData.REASON,
        LedgerMetaData.CORRELATION_ID,
        LedgerMetaData.IDEMPOTENCY_KEY,
        LedgerMetaData.REQUEST_HASH);
  }
}
