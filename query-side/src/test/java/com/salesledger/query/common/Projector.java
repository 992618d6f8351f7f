package com.salesledger.query.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

/**
 * Feeds a projection events the way a pooled processor does, by calling its handlers: a batch is
 * one unit of work, so batched writes are made once before it commits. Each event gets the next
 * global position, its aggregate's next sequence number and the instant it was recorded at (now,
 * unless {@link #at} says otherwise), so bitemporal projections can be tested at chosen instants.
 */
public final class Projector {

  private final AnnotationEventHandlerAdapter handlers;
  private final Map<String, Long> sequences = new HashMap<>();
  private long position;
  private Instant recordedAt;

  public Projector(Object projection) {
    this.handlers = new AnnotationEventHandlerAdapter(projection);
  }

  /** Events handled from now on are recorded at {@code instant} (until said otherwise). */
  public Projector at(Instant instant) {
    this.recordedAt = instant;
    return this;
  }

  /** The global position of the last event handled. */
  public long position() {
    return position;
  }

  /** One event in a batch of its own, of the aggregate {@code aggregateId}. */
  public Projector handle(String aggregateId, Object payload) {
    return batch(List.of(new Stored(aggregateId, payload, MetaData.emptyInstance())));
  }

  /** One event with metadata (e.g. the user) in a batch of its own. */
  public Projector handle(String aggregateId, Object payload, Map<String, ?> metaData) {
    return batch(List.of(new Stored(aggregateId, payload, MetaData.from(metaData))));
  }

  /** Several events handled in one batch (one unit of work), in the order given. */
  public Projector batch(List<Stored> events) {
    List<EventMessage<?>> messages = new ArrayList<>();
    for (Stored event : events) {
      long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
      Instant timestamp = recordedAt != null ? recordedAt : Instant.now();
      GenericDomainEventMessage<Object> message =
          new GenericDomainEventMessage<>(
              event.payload().getClass().getSimpleName(),
              event.aggregateId(),
              sequence,
              event.payload(),
              event.metaData());
      messages.add(
          new GenericTrackedDomainEventMessage<>(
              new GlobalSequenceTrackingToken(++position),
              message.getType(),
              message.getAggregateIdentifier(),
              message.getSequenceNumber(),
              message,
              () -> timestamp));
    }
    BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
    var result =
        unitOfWork.executeWithResult(
            () -> handlers.handle((EventMessage<?>) CurrentUnitOfWork.get().getMessage()),
            RollbackConfigurationType.ANY_THROWABLE);
    if (result.isExceptional()) {
      throw new IllegalStateException("a handler failed", result.exceptionResult());
    }
    return this;
  }

  /** An event of a batch: its aggregate, payload and metadata. */
  public record Stored(String aggregateId, Object payload, MetaData metaData) {
    public Stored(String aggregateId, Object payload) {
      this(aggregateId, payload, MetaData.emptyInstance());
    }
  }
}
