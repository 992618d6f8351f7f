package com.salesledger.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.common.Rejection;
import io.grpc.Status;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Refusals that show only when a command commits leave the command side as rejections (409), in the
 * forms they take with events in PostgreSQL and in Axon Server; and with Axon Server the database
 * transaction commits after the events.
 */
class CommitFailuresTest {

  /** As Axon Server's append refusal reaches the command side (seen against Axon Server 4.6.11). */
  private static RuntimeException axonServerRefusal(long sequence) {
    return Status.OUT_OF_RANGE
        .withDescription(
            "[AXONIQ-2000] Invalid sequence number "
                + sequence
                + " for aggregate D-1, expected "
                + (sequence + 1))
        .asRuntimeException();
  }

  @Test
  void a_taken_first_sequence_number_is_a_duplicate_id_in_both_stores() {
    assertThat(CommitFailures.rejectionOf(axonServerRefusal(0)))
        .contains(CommitFailures.DUPLICATE_ID);
    assertThat(
            CommitFailures.rejectionOf(
                new AggregateStreamCreationException("exists", new RuntimeException())))
        .contains(CommitFailures.DUPLICATE_ID);
  }

  @Test
  void a_deadlock_is_a_lost_race_and_a_full_disk_a_database_that_is_busy() {
    assertThat(
            CommitFailures.rejectionOf(
                new RuntimeException(new java.sql.SQLException("deadlock detected", "40P01"))))
        .contains(CommitFailures.LOST_RACE);
    assertThat(
            CommitFailures.rejectionOf(
                new RuntimeException(new java.sql.SQLException("no space left", "53100"))))
        .contains(CommitFailures.DATABASE_BUSY);
  }

  @Test
  void a_taken_later_sequence_number_is_a_lost_race() {
    assertThat(CommitFailures.rejectionOf(axonServerRefusal(3))).contains(CommitFailures.LOST_RACE);
  }

  @Test
  void a_stale_expected_version_names_the_field() {
    Rejection rejection =
        CommitFailures.rejectionOf(
                new RuntimeException(new ConflictingAggregateVersionException("D-1", 0, 1)))
            .orElseThrow();
    assertThat(rejection.kind()).isEqualTo(Rejection.Kind.CONFLICT);
    assertThat(rejection.field()).isEqualTo(CommitFailures.EXPECTED_VERSION);
  }

  @Test
  void other_failures_and_existing_rejections_are_left_as_they_are() {
    RuntimeException unexpected = new IllegalStateException("disk full");
    assertThat(CommitFailures.translate(unexpected)).isSameAs(unexpected);
    CommandExecutionException refused =
        new CommandExecutionException("no", null, new Rejection(Rejection.Kind.RULE, null, "no"));
    assertThat(CommitFailures.translate(refused)).isSameAs(refused);
  }

  @Test
  void the_bus_reports_a_refusal_at_commit_as_a_rejection() {
    LedgerCommandBus bus = bus(NoTransactionManager.instance(), new ArrayList<>());
    bus.subscribe(
        String.class.getName(),
        message -> {
          CurrentUnitOfWork.get()
              .onCommit(
                  u -> {
                    throw axonServerRefusal(0);
                  });
          return "D-1";
        });
    CommandResultMessage<?> result = dispatch(bus);
    assertThat(result.exceptionResult()).isInstanceOf(CommandExecutionException.class);
    assertThat(((CommandExecutionException) result.exceptionResult()).getDetails())
        .contains(CommitFailures.DUPLICATE_ID);
  }

  @Test
  void with_events_elsewhere_the_database_commits_after_the_events_and_not_at_all_if_they_fail() {
    List<String> order = new ArrayList<>();
    LedgerCommandBus bus = bus(recording(order), order);
    bus.subscribe(
        String.class.getName(),
        message -> {
          CurrentUnitOfWork.get().onCommit(u -> order.add("events committed"));
          return "D-1";
        });
    assertThat(dispatch(bus).isExceptional()).isFalse();
    assertThat(order).containsExactly("database started", "events committed", "database committed");

    order.clear();
    LedgerCommandBus refusing = bus(recording(order), order);
    refusing.subscribe(
        String.class.getName(),
        message -> {
          CurrentUnitOfWork.get()
              .onCommit(
                  u -> {
                    throw axonServerRefusal(0);
                  });
          return "D-1";
        });
    assertThat(dispatch(refusing).isExceptional()).isTrue();
    assertThat(order).containsExactly("database started", "database rolled back");
  }

  @Test
  void a_deadlock_of_the_database_commit_after_the_events_is_never_a_lost_race_to_send_again() {
    TransactionManager deadlockedAtCommit =
        () ->
            new Transaction() {
              @Override
              public void commit() {
                throw new org.springframework.dao.CannotAcquireLockException(
                    "commit", new java.sql.SQLException("deadlock detected", "40P01"));
              }

              @Override
              public void rollback() {}
            };
    LedgerCommandBus bus = bus(deadlockedAtCommit, new ArrayList<>());
    bus.subscribe(String.class.getName(), message -> "D-1");
    CommandResultMessage<?> result = dispatch(bus);
    assertThat(CommitFailures.isLostRace(result.exceptionResult())).isFalse();
    assertThat(((CommandExecutionException) result.exceptionResult()).getDetails())
        .contains(CommitFailures.DATABASE_BUSY);
  }

  @Test
  void with_the_database_unreachable_the_command_is_not_handled_and_reports_an_outage() {
    List<String> handled = new ArrayList<>();
    TransactionManager unreachable =
        () -> {
          throw new CannotCreateTransactionException(
              "Could not open JDBC Connection", new SQLTransientConnectionException("refused"));
        };
    LedgerCommandBus bus = bus(unreachable, handled);
    bus.subscribe(
        String.class.getName(),
        message -> {
          handled.add("handled");
          return "D-1";
        });
    CommandResultMessage<?> result = dispatch(bus);
    assertThat(handled).as("no events without the database's transaction").isEmpty();
    assertThat(((CommandExecutionException) result.exceptionResult()).getDetails())
        .as("an outage keeps its meaning across Axon Server, where only details travel")
        .contains(CommitFailures.DATABASE_UNAVAILABLE);
  }

  private static LedgerCommandBus bus(TransactionManager afterEvents, List<String> order) {
    return new LedgerCommandBus(
        SimpleCommandBus.builder().transactionManager(NoTransactionManager.instance()),
        afterEvents == NoTransactionManager.instance() ? null : afterEvents);
  }

  private static TransactionManager recording(List<String> order) {
    return () -> {
      order.add("database started");
      return new Transaction() {
        @Override
        public void commit() {
          order.add("database committed");
        }

        @Override
        public void rollback() {
          order.add("database rolled back");
        }
      };
    };
  }

  private static CommandResultMessage<?> dispatch(SimpleCommandBus bus) {
    AtomicReference<CommandResultMessage<?>> result = new AtomicReference<>();
    bus.dispatch(GenericCommandMessage.asCommandMessage("open"), (c, r) -> result.set(r));
    return result.get();
  }
}
