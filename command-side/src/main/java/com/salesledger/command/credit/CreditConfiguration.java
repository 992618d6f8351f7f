package com.salesledger.command.credit;

import java.math.BigDecimal;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CreditConfiguration {

  @Bean
  CreditPolicy creditPolicy(
      @Value("${ledger.credit.check.overdue-days:90}") int checkOverdueDays,
      @Value("${ledger.credit.warning.overdue-days:60}") int warningOverdueDays,
      @Value("${ledger.credit.warning.exposure-share:0.80}") BigDecimal warningExposureShare,
      @Value("${ledger.credit.hold.overdue-days:120}") int holdOverdueDays,
      @Value("${ledger.credit.hold.exposure-share:1.20}") BigDecimal holdExposureShare) {
    return new CreditPolicy(
        checkOverdueDays,
        warningOverdueDays,
        warningExposureShare,
        holdOverdueDays,
        holdExposureShare);
  }

  /**
   * A failed evaluation is retried (the processor backs off and handles the event again) rather
   * than logged and skipped, so no relevant event goes without its evaluation.
   */
  @Bean
  ConfigurerModule creditWarningsErrorHandling() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(
                CreditWarningTrigger.PROCESSOR, c -> PropagatingErrorHandler.instance());
  }
}
