package com.salesledger.platform.axon;

import com.salesledger.events.common.LedgerMetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Copies who, why and the correlation id from each command onto every event it causes. */
@Configuration(proxyBeanMethods = false)
public class MetaDataConfiguration {

  @Bean
  CorrelationDataProvider messageOriginProvider() {
    return new MessageOriginProvider();
  }

  @Bean
  CorrelationDataProvider ledgerMetaDataProvider() {
    return new SimpleCorrelationDataProvider(
        LedgerMetaData.USER, LedgerMetaData.ROLES, LedgerMetaData.REASON);
  }
}
