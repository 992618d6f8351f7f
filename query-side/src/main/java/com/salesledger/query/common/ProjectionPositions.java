package com.salesledger.query.common;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * How far each projection has got in the global event stream, from its processors' tracking tokens.
 * Used for read-your-writes waits, the X-Ledger-Position header and the health details.
 */
@Component
public class ProjectionPositions {

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;

  public ProjectionPositions(EventProcessingConfiguration processing, EventStore eventStore) {
    this.processing = processing;
    this.eventStore = eventStore;
  }

  /**
   * The highest position the processor has handled (the lowest over its segments); -1 while it has
   * no segment claimed here (e.g. still starting).
   */
  public long position(String processorName) {
    Map<Integer, EventTrackerStatus> status = status(processorName);
    if (status.isEmpty()) {
      return -1;
    }
    long min = Long.MAX_VALUE;
    for (EventTrackerStatus segment : status.values()) {
      TrackingToken token = segment.getTrackingToken();
      min =
          Math.min(
              min, token == null ? 0 : WrappedToken.unwrapLowerBound(token).position().orElse(0));
    }
    return min;
  }

  /**
   * Whether the event at {@code position} is in the read model. A gap below the highest position is
   * either a transaction still in flight or one that rolled back and never will appear; an event a
   * writer saw committed is never such a gap once the processor has passed it, so the question is
   * asked of that one position only.
   */
  public boolean hasProcessed(String processorName, long position) {
    if (position <= 0) {
      return true;
    }
    Map<Integer, EventTrackerStatus> status = status(processorName);
    if (status.isEmpty()) {
      return false;
    }
    return status.values().stream().allMatch(s -> covers(s.getTrackingToken(), position));
  }

  private Map<Integer, EventTrackerStatus> status(String processorName) {
    return processing
        .eventProcessor(processorName, StreamingEventProcessor.class)
        .orElseThrow(() -> new IllegalArgumentException("no streaming processor " + processorName))
        .processingStatus();
  }

  static boolean covers(TrackingToken token, long position) {
    if (token == null) {
      return false;
    }
    TrackingToken plain = WrappedToken.unwrapLowerBound(token);
    if (plain instanceof GapAwareTrackingToken gapAware) {
      return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
    }
    return plain.position().orElse(-1) >= position;
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
}
