package com.salesledger.command.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The event storage of one chunk of generated history, in memory and indexed by aggregate (Axon's
 * own in-memory engine scans every event on each load). Like the real store it refuses a second
 * event with the same aggregate and sequence number. Not thread-safe: one generator thread each.
 */
final class ChunkEventStorage implements EventStorageEngine {

  private final Map<String, List<DomainEventMessage<?>>> streams = new HashMap<>();
  private final List<DomainEventMessage<?>> appended = new ArrayList<>();

  @Override
  public void appendEvents(List<? extends EventMessage<?>> events) {
    for (EventMessage<?> event : events) {
      DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
      List<DomainEventMessage<?>> stream =
          streams.computeIfAbsent(domain.getAggregateIdentifier(), id -> new ArrayList<>());
      if (!stream.isEmpty()
          && stream.get(stream.size() - 1).getSequenceNumber() >= domain.getSequenceNumber()) {
        throw new ConcurrencyException(
            "event "
                + domain.getSequenceNumber()
                + " of "
                + domain.getAggregateIdentifier()
                + " already exists");
      }
      stream.add(domain);
      appended.add(domain);
    }
  }

  int appendedCount() {
    return appended.size();
  }

  /** The events appended after the first {@code count} of those not yet drained. */
  List<DomainEventMessage<?>> appendedSince(int count) {
    return appended.subList(count, appended.size());
  }

  @Override
  public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
    List<DomainEventMessage<?>> stream = streams.getOrDefault(aggregateIdentifier, List.of());
    return stream.isEmpty()
        ? Optional.empty()
        : Optional.of(stream.get(stream.size() - 1).getSequenceNumber());
  }

  /** The events appended since the last drain, in order; forgets every stream. */
  List<DomainEventMessage<?>> drain() {
    List<DomainEventMessage<?>> events = new ArrayList<>(appended);
    appended.clear();
    streams.clear();
    return events;
  }

  @Override
  public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
    List<DomainEventMessage<?>> stream = streams.getOrDefault(aggregateIdentifier, List.of());
    return DomainEventStream.of(
        stream.stream().filter(e -> e.getSequenceNumber() >= firstSequenceNumber));
  }

  @Override
  public void storeSnapshot(DomainEventMessage<?> snapshot) {
    // generated histories are short per aggregate: no snapshots
  }

  @Override
  public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
    return Optional.empty();
  }

  @Override
  public Stream<? extends TrackedEventMessage<?>> readEvents(
      TrackingToken trackingToken, boolean mayBlock) {
    return Stream.empty(); // nothing tracks a chunk
  }
}
