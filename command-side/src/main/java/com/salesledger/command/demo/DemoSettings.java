package com.salesledger.command.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Size and seed of the generated sales department. The same seed and size give the same history
 * (dates are relative to the day it is generated).
 *
 * @param deals how many deals to open over the whole history
 * @param years how many years of history, ending today
 * @param customers how many customers
 * @param seed random seed
 */
@ConfigurationProperties("ledger.demo")
record DemoSettings(int deals, int years, int customers, long seed) {

  DemoSettings {
    deals = deals > 0 ? deals : 1500;
    years = years > 0 ? years : 2;
    customers = customers > 0 ? customers : 300;
    seed = seed != 0 ? seed : 20261124L;
  }
}
