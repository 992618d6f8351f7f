package com.salesledger.command.common;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon Server answers an aggregate's events without their global positions, so the position of a
 * command's own event is found in the global stream: from the head as it was just before the
 * command (the mark) forward to that event, usually a handful of events. The head itself would be
 * at or past the event, but not the event's own position as API.md promises.
 */
class AxonServerEventPositions implements EventPositions {

  private static final Logger log = LoggerFactory.getLogger(AxonServerEventPositions.class);
  private static final Duration LONGEST_SEARCH = Duration.ofSeconds(5);

  private final EventStore eventStore;

  AxonServerEventPositions(EventStore eventStore) {
    this.eventStore = eventStore;
  }

  @Override
  public long mark() {
    return head();
  }

  @Override
  public long positionOf(String aggregateId, long version, long mark) {
    if (mark == NO_MARK) {
      return head();
    }
    TrackingToken after = mark < 0 ? null : new GlobalSequenceTrackingToken(mark);
    long deadline = System.nanoTime() + LONGEST_SEARCH.toNanos();
    try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(after)) {
      while (stream.hasNextAvailable((int) remainingMs(deadline), TimeUnit.MILLISECONDS)) {
        TrackedEventMessage<?> event = stream.nextAvailable();
        if (event instanceof DomainEventMessage<?> domain
            && aggregateId.equals(domain.getAggregateIdentifier())
            && domain.getSequenceNumber() == version) {
          return event.trackingToken().position().orElseGet(this::head);
        }
        if (remainingMs(deadline) <= 0) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.warn(
        "Event {}#{} not found after position {}; answering the head", aggregateId, version, mark);
    return head();
  }

  private static long remainingMs(long deadline) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private long head() {
    TrackingToken head = eventStore.createHeadToken();
    return head == null ? -1 : head.position().orElse(-1);
  }
}
