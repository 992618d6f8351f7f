package com.salesledger.command.credit;

import com.salesledger.events.credit.CreditAccountEvents;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;

/**
 * An in-memory event store beside an aggregate fixture, for the aggregate the fixture does not hold
 * (its recording store holds one aggregate's stream only; see InvoiceIssuingTest).
 */
final class CreditStore implements AutoCloseable {

  final EmbeddedEventStore store =
      EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
  private final AtomicLong sequence = new AtomicLong();

  <T> EventSourcingRepository<T> repository(Class<T> type) {
    return EventSourcingRepository.builder(type).eventStore(store).build();
  }

  /** Appends a past event to a stream of the given type. */
  void given(String type, String aggregateId, Object... events) {
    for (Object event : events) {
      long next = store.lastSequenceNumberFor(aggregateId).map(n -> n + 1).orElse(0L);
      store.publish(new GenericDomainEventMessage<>(type, aggregateId, next, event));
      sequence.incrementAndGet();
    }
  }

  void givenCredit(CreditAccountEvents... events) {
    given("CreditAccount", CreditHistory.ACCOUNT, (Object[]) events);
  }

  List<Object> events(String aggregateId) {
    return store.readEvents(aggregateId).asStream().<Object>map(Message::getPayload).toList();
  }

  @Override
  public void close() {
    store.shutDown();
  }
}
