package com.salesledger.query.common;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * How many segments of each processor one query-side instance claims. Unlimited by default (one
 * instance does all the work); with N instances on one database set it to segments / N so they
 * split the work: a segment is claimed by one instance at a time, so each event is handled once.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorClaims {

  @Autowired
  void limitClaims(
      EventProcessingConfigurer processing,
      @Value("${ledger.processors.max-claimed-segments:0}") int maxClaimedSegments) {
    if (maxClaimedSegments > 0) {
      processing.registerPooledStreamingEventProcessorConfiguration(
          (configuration, builder) -> builder.maxClaimedSegments(maxClaimedSegments));
    }
  }
}
