package com.salesledger.launcher;

import java.util.List;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the event store holds, asked the same way whichever store the ledger runs on. */
final class StoredEvents {

  private StoredEvents() {}

  static long count(Ledger ledger) {
    if (TestAxonServer.isNamed()) {
      // Axon Server numbers its events 0, 1, 2, ... without gaps.
      return lastPosition(ledger) + 1;
    }
    return jdbc(ledger).queryForObject("select count(*) from domain_event_entry", Long.class);
  }

  /** The position of the newest event (-1 or 0 when there is none). */
  static long lastPosition(Ledger ledger) {
    TrackingToken head = ledger.commandSide().getBean(EventStore.class).createHeadToken();
    return head == null ? -1 : head.position().orElse(-1);
  }

  static List<? extends DomainEventMessage<?>> of(Ledger ledger, String aggregateId) {
    return ledger
        .commandSide()
        .getBean(EventStore.class)
        .readEvents(aggregateId)
        .asStream()
        .toList();
  }

  /**
   * The global position of an aggregate's event, read from the store's stream (either store): tests
   * hold a few thousand events.
   */
  static long positionOf(Ledger ledger, String aggregateId, long sequenceNumber) {
    try (BlockingStream<TrackedEventMessage<?>> stream =
        ledger.commandSide().getBean(EventStore.class).openStream(null)) {
      // Axon Server's stream fills asynchronously: without a wait it looked empty at first
      while (stream.hasNextAvailable(2, java.util.concurrent.TimeUnit.SECONDS)) {
        TrackedEventMessage<?> event = stream.nextAvailable();
        if (event instanceof DomainEventMessage<?> domain
            && domain.getAggregateIdentifier().equals(aggregateId)
            && domain.getSequenceNumber() == sequenceNumber) {
          return event.trackingToken().position().orElseThrow();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no event " + aggregateId + "#" + sequenceNumber);
  }

  private static JdbcTemplate jdbc(Ledger ledger) {
    return ledger.commandSide().getBean(JdbcTemplate.class);
  }
}
