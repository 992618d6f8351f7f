package com.salesledger.command.target;

import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TargetConfiguration {

  @Bean
  TargetPolicy targetPolicy(
      @Value("${ledger.targets.approval-threshold:0.10}") BigDecimal approvalThreshold) {
    return new TargetPolicy(approvalThreshold);
  }
}
