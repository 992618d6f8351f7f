package com.salesledger.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesledger.events.common.Rejection;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;

/** Only a lost race is sent again, and only a few times. */
class LostRacesTest {

  private final AtomicInteger sent = new AtomicInteger();

  /** A send that fails with {@code failure} the first {@code losses} times, then answers "done". */
  private String send(int losses, RuntimeException failure) {
    return LostRaces.retried(
        () -> {
          if (sent.incrementAndGet() <= losses) {
            throw failure;
          }
          return "done";
        });
  }

  @Test
  void a_lost_race_is_sent_again_and_answered_by_the_next_attempt() {
    assertThat(send(2, new ConcurrencyException("sequence 3 taken"))).isEqualTo("done");
    assertThat(sent).hasValue(3);
  }

  @Test
  void a_lost_race_reported_back_by_the_handling_side_is_sent_again() {
    // the form it takes across Axon Server: a rejection in the exception's details
    RuntimeException reported =
        new CommandExecutionException("lost", null, CommitFailures.LOST_RACE);
    assertThat(send(1, reported)).isEqualTo("done");
    assertThat(sent).hasValue(2);
  }

  @Test
  void after_as_many_lost_races_as_attempts_the_last_is_answered() {
    ConcurrencyException lost = new ConcurrencyException("sequence 3 taken");
    assertThatThrownBy(() -> send(LostRaces.ATTEMPTS, lost)).isSameAs(lost);
    assertThat(sent).hasValue(LostRaces.ATTEMPTS);
  }

  @Test
  void a_duplicate_id_a_stale_version_and_a_refusal_are_sent_once() {
    for (RuntimeException refusal :
        new RuntimeException[] {
          new AggregateStreamCreationException("exists", new RuntimeException()),
          new ConflictingAggregateVersionException("D-1", 2, 3),
          new CommandExecutionException(
              "over the limit", null, new Rejection(Rejection.Kind.RULE, "amount", "too much")),
          new IllegalStateException("anything else")
        }) {
      sent.set(0);
      assertThatThrownBy(() -> send(1, refusal)).isSameAs(refusal);
      assertThat(sent).as(refusal.toString()).hasValue(1);
    }
  }
}
