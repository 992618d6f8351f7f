package com.salesledger.query.common;

import com.salesledger.query.common.projection.ProjectionRebuilds;
import com.salesledger.query.common.projection.RebuildProgress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} shows, per projection, its position, the head of the event store and the
 * lag between them, and a running (or the last) rebuild's progress. A processor in error makes the
 * query side DEGRADED (it still answers, but that read model stands still).
 */
@Component("projections")
public class ProcessorsHealthIndicator implements HealthIndicator {

  private final EventProcessingConfiguration processing;
  private final ProjectionPositions positions;
  private final ProjectionRebuilds rebuilds;

  public ProcessorsHealthIndicator(
      EventProcessingConfiguration processing,
      ProjectionPositions positions,
      ProjectionRebuilds rebuilds) {
    this.processing = processing;
    this.positions = positions;
    this.rebuilds = rebuilds;
  }

  /** Reading the positions needs the database: while it is unreachable, answer DOWN at once. */
  @Override
  public Health health() {
    try {
      return projections();
    } catch (RuntimeException databaseUnreachable) {
      return Health.down().build();
    }
  }

  private Health projections() {
    long head = positions.head();
    Health.Builder health = Health.up().withDetail("head", head);
    Map<String, Object> processors = new LinkedHashMap<>();
    processing
        .eventProcessors()
        .forEach(
            (name, processor) -> {
              if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
              }
              long at = positions.position(name);
              boolean error =
                  streaming.processingStatus().values().stream().anyMatch(s -> s.isErrorState());
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("running", streaming.isRunning());
              detail.put("replaying", streaming.isReplaying());
              detail.put("error", error);
              detail.put("position", at);
              detail.put("lag", at < 0 ? head : Math.max(0, head - at));
              processors.put(name, detail);
              if (error) {
                health.status("DEGRADED");
              }
            });
    RebuildProgress rebuild = rebuilds.progress();
    if (rebuild != null) {
      health.withDetail("rebuild", rebuild);
    }
    return health.withDetail("processors", processors).build();
  }
}
