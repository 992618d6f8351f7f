package com.salesledger.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's reporting currency and time zone (DESIGN.md "Money and time"). Business dates are
 * calendar dates in that zone; event timestamps are instants.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerSettings {

  private final String currency;
  private final ZoneId zone;

  public LedgerSettings(
      @Value("${ledger.currency:EUR}") String currency,
      @Value("${ledger.time-zone:UTC}") String zone) {
    this.currency = currency;
    this.zone = ZoneId.of(zone);
  }

  public String currency() {
    return currency;
  }

  public ZoneId zone() {
    return zone;
  }

  /** "Today" and "now" for business rules, in the ledger's zone; replaceable in tests. */
  @Bean
  Clock ledgerClock() {
    return Clock.system(zone);
  }
}
