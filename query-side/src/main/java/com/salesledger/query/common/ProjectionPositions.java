package com.salesledger.query.common;

import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * How far each projection has got in the global event stream. "Processed through P" means every
 * event at a position ≤ P is in the read model: with gaps still open below the highest position
 * seen, the answer stops just below the first gap.
 */
@Component
public class ProjectionPositions {

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;

  public ProjectionPositions(EventProcessingConfiguration processing, EventStore eventStore) {
    this.processing = processing;
    this.eventStore = eventStore;
  }

  /** -1 while the processor has no segment claimed here (e.g. still starting). */
  public long processedThrough(String processorName) {
    Optional<StreamingEventProcessor> processor =
        processing.eventProcessor(processorName, StreamingEventProcessor.class);
    if (processor.isEmpty()) {
      throw new IllegalArgumentException("no streaming processor named " + processorName);
    }
    Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
    if (status.isEmpty()) {
      return -1;
    }
    long min = Long.MAX_VALUE;
    for (EventTrackerStatus segment : status.values()) {
      min = Math.min(min, processedThrough(segment.getTrackingToken()));
    }
    return min;
  }

  public boolean isReplaying(String processorName) {
    return processing
        .eventProcessor(processorName, StreamingEventProcessor.class)
        .map(StreamingEventProcessor::isReplaying)
        .orElse(false);
  }

  /** The newest position in the event store (0 when it is empty). */
  public long head() {
    TrackingToken head = eventStore.createHeadToken();
    return head == null ? 0 : head.position().orElse(0);
  }

  static long processedThrough(TrackingToken token) {
    if (token == null) {
      return 0;
    }
    TrackingToken plain = WrappedToken.unwrapLowerBound(token);
    if (plain instanceof GapAwareTrackingToken gapAware && gapAware.hasGaps()) {
      return gapAware.getGaps().first() - 1;
    }
    return plain.position().orElse(0);
  }
}
