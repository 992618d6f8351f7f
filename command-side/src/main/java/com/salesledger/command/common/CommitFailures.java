package com.salesledger.command.common;

import com.salesledger.events.common.Rejection;
import com.salesledger.platform.web.DatabaseUnavailable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;

/**
 * Refusals that only show when a command's unit of work commits, after every handler and
 * interceptor has returned: a stale {@code expectedVersion} (checked by Axon at prepare-commit), a
 * sequence number already taken (a duplicate id or a lost race), a deadlock or serialization
 * failure (a lost race too), and a database that is unreachable or short of resources. They are
 * turned into {@link CommandExecutionException}s with a {@link Rejection} on the handling side,
 * because Axon Server passes a handler's exception on only as a message and an error code: its
 * class and cause are lost on the way back to the sender.
 */
final class CommitFailures {

  /** The aggregate's first event could not be stored: one with this id exists already. */
  static final Rejection DUPLICATE_ID =
      new Rejection(Rejection.Kind.CONFLICT, null, "A record with this id already exists.");

  static final Rejection LOST_RACE =
      new Rejection(
          Rejection.Kind.CONFLICT, null, "Another change to the same record won the race; retry.");

  static final String EXPECTED_VERSION = "expectedVersion";

  /**
   * Axon Server refuses an event whose aggregate sequence number is taken with error code
   * AXONIQ-2000 ("Invalid sequence number 0 for aggregate D-1, expected 1"); the JDBC storage
   * engine raises {@link AggregateStreamCreationException} or {@link ConcurrencyException} instead.
   */
  private static final Pattern INVALID_SEQUENCE =
      Pattern.compile("AXONIQ-2000\\]?\\s*Invalid sequence number (\\d+)");

  static final Rejection DATABASE_UNAVAILABLE =
      new Rejection(Rejection.Kind.UNAVAILABLE, null, "The database cannot be reached.");

  static final Rejection DATABASE_BUSY =
      new Rejection(
          Rejection.Kind.UNAVAILABLE,
          null,
          "The database could not complete this change right now; nothing was stored.");

  private CommitFailures() {}

  /** The failure as the sender should see it: with a {@link Rejection} when it is a refusal. */
  static Throwable translate(Throwable failure) {
    if (failure instanceof CommandExecutionException execution
        && execution.getDetails().isPresent()) {
      return failure;
    }
    return rejectionOf(failure)
        .<Throwable>map(
            rejection -> new CommandExecutionException(rejection.message(), null, rejection))
        .orElse(failure);
  }

  /**
   * Whether {@code failure} is a lost race: another command appended to one of the aggregates this
   * one changed, between its load and its commit. Nothing of it was stored (its unit of work rolled
   * back); sent again, it decides on the state the winner left. A duplicate id or a stale {@code
   * expectedVersion} is not a lost race: sending it again could only be refused again.
   */
  static boolean isLostRace(Throwable failure) {
    if (failure instanceof CommandExecutionException execution
        && execution.getDetails().isPresent()) {
      return LOST_RACE.equals(execution.getDetails().get());
    }
    return rejectionOf(failure).filter(LOST_RACE::equals).isPresent();
  }

  /**
   * The database's commit failed after the command's events were stored elsewhere (Axon Server):
   * answered 503 as the database's failure, and never sent again as a lost race would be.
   */
  static final class AfterTheEvents extends RuntimeException {
    AfterTheEvents(Throwable cause) {
      super("the database's commit failed after the events were stored: " + cause, cause);
    }
  }

  static Optional<Rejection> rejectionOf(Throwable failure) {
    if (DatabaseUnavailable.isOutage(failure)) {
      // Across Axon Server only the message would arrive, and the sender would answer 500.
      return Optional.of(DATABASE_UNAVAILABLE);
    }
    if (failure instanceof AfterTheEvents) {
      return Optional.of(DATABASE_BUSY);
    }
    if (DatabaseUnavailable.isContention(failure)) {
      // a deadlock or serialization failure: this transaction lost a race inside the database
      return Optional.of(LOST_RACE);
    }
    if (DatabaseUnavailable.isBusy(failure)) {
      return Optional.of(DATABASE_BUSY);
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AggregateStreamCreationException) {
        return Optional.of(DUPLICATE_ID);
      }
      if (t instanceof ConflictingModificationException) {
        return Optional.of(
            new Rejection(Rejection.Kind.CONFLICT, EXPECTED_VERSION, t.getMessage()));
      }
      if (t instanceof ConcurrencyException) {
        return Optional.of(LOST_RACE);
      }
      Matcher invalidSequence = INVALID_SEQUENCE.matcher(String.valueOf(t.getMessage()));
      if (invalidSequence.find()) {
        return Optional.of(
            Long.parseLong(invalidSequence.group(1)) == 0 ? DUPLICATE_ID : LOST_RACE);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
