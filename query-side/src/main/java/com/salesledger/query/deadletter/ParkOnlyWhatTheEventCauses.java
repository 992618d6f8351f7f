package com.salesledger.query.deadletter;

import com.salesledger.platform.web.DatabaseUnavailable;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Which failures of a projection's handler park its event. A failure of the event itself (a value
 * no column can hold, a bug in a handler) is parked, so the rest flow on. A failure of the database
 * at that moment (a deadlock, a lock or statement timeout, a full disk, too many connections, a
 * lost connection) would have failed any event: parked, the event would be missing from the read
 * model, and every figure built on it wrong, until an operator retried it, though nothing was wrong
 * with it. Such a failure fails the batch instead: the processor rolls it back and tries again
 * after its back-off, and the event is applied once the database is well. A retry of parked events
 * by an operator ({@link DeadLetters}) leaves them parked on either kind.
 */
final class ParkOnlyWhatTheEventCauses implements EnqueuePolicy<EventMessage<?>> {

  @Override
  public EnqueueDecision<EventMessage<?>> decide(
      DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
    if (!DeadLetters.retrying() && DatabaseUnavailable.isTransient(cause)) {
      throw new DatabaseFailedTheBatch(cause);
    }
    return Decisions.enqueue(ThrowableCause.truncated(cause));
  }

  /** Fails the projection's batch, to be tried again, instead of parking its event. */
  static final class DatabaseFailedTheBatch extends RuntimeException {
    DatabaseFailedTheBatch(Throwable cause) {
      super("the database failed the batch (not parked; tried again): " + cause, cause);
    }
  }
}
