package com.salesledger.query.deadletter;

import com.salesledger.query.common.ReadModelGeneration;
import com.salesledger.query.common.projection.BatchScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/** The dead letters of every projection: what is parked, and retrying or evicting it. */
@Component
public class DeadLetters {

  /** One parked event, as an operator needs to see it. */
  public record Letter(
      String processor,
      String eventId,
      String eventType,
      String aggregateId,
      Long aggregateSequence,
      Long position,
      String causeType,
      String causeMessage,
      Instant enqueuedAt,
      Instant lastTouched) {}

  private final EventProcessingConfiguration processing;
  private final ReadModelGeneration generation;

  public DeadLetters(EventProcessingConfiguration processing, ReadModelGeneration generation) {
    this.processing = processing;
    this.generation = generation;
  }

  public List<String> processors() {
    return processing.eventProcessors().keySet().stream().sorted().toList();
  }

  public long count(String processor) {
    return queue(processor).map(SequencedDeadLetterQueue::size).orElse(0L);
  }

  /** Up to {@code limit} letters of a processor, sequence by sequence, in queue order. */
  public List<Letter> list(String processor, int limit) {
    List<Letter> letters = new ArrayList<>();
    Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = queue(processor);
    if (queue.isEmpty()) {
      return letters;
    }
    for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
      for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
        if (letters.size() >= limit) {
          return letters;
        }
        letters.add(describe(processor, letter));
      }
    }
    return letters;
  }

  /** Whether this thread is retrying parked events (they stay parked whatever fails). */
  private static final ThreadLocal<Boolean> RETRYING = ThreadLocal.withInitial(() -> false);

  static boolean retrying() {
    return RETRYING.get();
  }

  /** Retries the sequence headed by this event; true if it was handled this time. */
  public boolean retry(String processor, String eventId) {
    return asOperatorRetry(
        () ->
            deadLetterProcessor(processor)
                .map(
                    p ->
                        BatchScope.isolated(
                            () ->
                                p.process(
                                    letter -> letter.message().getIdentifier().equals(eventId))))
                .orElse(false));
  }

  /** Retries every parked sequence once; answers how many sequences were handled. */
  public int retryAll(String processor) {
    long sequences = queue(processor).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
    Optional<SequencedDeadLetterProcessor<EventMessage<?>>> deadLetterProcessor =
        deadLetterProcessor(processor);
    return asOperatorRetry(
        () -> {
          int handled = 0;
          for (long i = 0; i < sequences && deadLetterProcessor.isPresent(); i++) {
            if (BatchScope.isolated(deadLetterProcessor.get()::processAny)) {
              handled++;
            }
          }
          return handled;
        });
  }

  /** Runs an operator's retry of parked events: marked as one on this thread, and then noted. */
  private <T> T asOperatorRetry(Supplier<T> retry) {
    RETRYING.set(true);
    try {
      return retry.get();
    } finally {
      RETRYING.remove();
      readModelMayHaveChanged();
    }
  }

  /**
   * A retry applies parked events outside their processor, so no token moves: kept answers of the
   * old state must not be given again. Raised after the retry's own commits, and also when it
   * failed: a sequence can fail on a later letter after its first ones were applied.
   */
  private void readModelMayHaveChanged() {
    generation.raise();
  }

  /** Removes one parked event for good (it stays in the event store); false if there is none. */
  public boolean evict(String processor, String eventId) {
    Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = queue(processor);
    if (queue.isEmpty()) {
      return false;
    }
    for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
      for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
        if (letter.message().getIdentifier().equals(eventId)) {
          queue.get().evict(letter);
          return true;
        }
      }
    }
    return false;
  }

  private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String processor) {
    return processing.deadLetterQueue(processor);
  }

  private Optional<SequencedDeadLetterProcessor<EventMessage<?>>> deadLetterProcessor(
      String processor) {
    return processing.sequencedDeadLetterProcessor(processor);
  }

  private static Letter describe(String processor, DeadLetter<? extends EventMessage<?>> letter) {
    EventMessage<?> message = letter.message();
    String aggregateId = null;
    Long sequence = null;
    if (message instanceof DomainEventMessage<?> domain) {
      aggregateId = domain.getAggregateIdentifier();
      sequence = domain.getSequenceNumber();
    }
    Long position =
        message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
            ? tracked.trackingToken().position().orElse(-1)
            : null;
    return new Letter(
        processor,
        message.getIdentifier(),
        message.getPayloadType().getName(),
        aggregateId,
        sequence,
        position,
        letter.cause().map(c -> c.type()).orElse(null),
        letter.cause().map(c -> c.message()).orElse(null),
        letter.enqueuedAt(),
        letter.lastTouched());
  }
}
