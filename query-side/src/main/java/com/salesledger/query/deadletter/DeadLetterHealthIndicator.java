package com.salesledger.query.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code deadLetterQueues}: DEGRADED while any projection has
 * parked an event, naming the processor, how many it parked and the first of them (event, type,
 * cause).
 */
@Component("deadLetterQueues")
class DeadLetterHealthIndicator implements HealthIndicator {

  /** Serving, but some read model lacks events an operator must look at. */
  static final Status DEGRADED = new Status("DEGRADED");

  private final DeadLetters deadLetters;

  DeadLetterHealthIndicator(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  /** A database that cannot be asked makes this component DOWN, never the health endpoint fail. */
  @Override
  public Health health() {
    try {
      return parkedLetters();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", "cannot read the dead-letter queue").build();
    }
  }

  private Health parkedLetters() {
    Map<String, Object> parked = new LinkedHashMap<>();
    for (String processor : deadLetters.processors()) {
      long count = deadLetters.count(processor);
      if (count > 0) {
        List<DeadLetters.Letter> first = deadLetters.list(processor, 1);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("deadLetters", count);
        if (!first.isEmpty()) {
          detail.put("first", first.get(0));
        }
        parked.put(processor, detail);
      }
    }
    return (parked.isEmpty() ? Health.up() : Health.status(DEGRADED))
        .withDetail("processors", parked)
        .build();
  }
}
