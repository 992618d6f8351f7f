package com.salesledger.query.dashboard;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live {@code sales} processor sequences per customer ({@link PerCustomerSequencing}), as its
 * rebuild does ({@link SalesProjection#sequencing()}).
 */
@Configuration(proxyBeanMethods = false)
class SalesSequencingConfiguration {

  @Bean
  ConfigurerModule salesSequencedPerCustomer() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerSequencingPolicy(
                SalesProjection.PROCESSOR, c -> PerCustomerSequencing.INSTANCE);
  }
}
