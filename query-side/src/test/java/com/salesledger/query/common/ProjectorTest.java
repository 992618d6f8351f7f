package com.salesledger.query.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;

/** The fixture hands events over the way a processor does: batched, positioned, timestamped. */
class ProjectorTest {

  record Happened(String what) {}

  static class Recorder {
    final List<String> seen = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();

    @EventHandler
    void on(Happened e, @Timestamp Instant at) {
      seen.add(e.what() + "@" + at);
      batchSizes.add(
          ((org.axonframework.messaging.unitofwork.BatchingUnitOfWork<?>) CurrentUnitOfWork.get())
              .getMessages()
              .size());
    }
  }

  @Test
  void a_batch_is_one_unit_of_work_and_events_carry_the_chosen_instant() {
    Recorder recorder = new Recorder();
    Projector projector = new Projector(recorder).at(Instant.parse("2026-01-05T10:00:00Z"));
    projector.batch(
        List.of(
            new Projector.Stored("a", new Happened("one")),
            new Projector.Stored("a", new Happened("two"))));
    projector.at(Instant.parse("2026-03-01T00:00:00Z")).handle("b", new Happened("three"));

    assertThat(recorder.seen)
        .containsExactly(
            "one@2026-01-05T10:00:00Z", "two@2026-01-05T10:00:00Z", "three@2026-03-01T00:00:00Z");
    assertThat(recorder.batchSizes).containsExactly(2, 2, 1);
    assertThat(projector.position()).isEqualTo(3);
  }

  @Test
  void the_read_model_database_has_the_query_schema_and_starts_empty() {
    ReadModelDatabase db = ReadModelDatabase.emptied();
    db.jdbc()
        .update(
            "insert into invoice_movement (event_id, invoice_id, kind, amount, on_date)"
                + " values ('e1', 'i1', 'PAYMENT', 1.00, date '2026-01-01')");
    assertThat(db.jdbc().queryForObject("select count(*) from invoice_movement", Long.class))
        .isEqualTo(1);
    assertThat(
            ReadModelDatabase.emptied()
                .jdbc()
                .queryForObject("select count(*) from invoice_movement", Long.class))
        .isZero();
  }
}
