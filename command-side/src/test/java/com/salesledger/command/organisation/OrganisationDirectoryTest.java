package com.salesledger.command.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.organisation.OrganisationIds;
import com.salesledger.events.organisation.RegionEstablished;
import com.salesledger.events.organisation.RepJoined;
import com.salesledger.events.organisation.TeamFormed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** The chart that command handlers ask, read from the organisation's stream as it grows. */
class OrganisationDirectoryTest {

  private static final LocalDate DAY = LocalDate.parse("2026-01-01");

  private final EmbeddedEventStore store =
      EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
  private long next;

  private synchronized void append(Object event) {
    store.publish(
        new GenericDomainEventMessage<>(
            "Organisation", OrganisationIds.ORGANISATION, next++, event));
  }

  /**
   * Eight callers at once, each adding reps and asking for them straight after: every answer sees
   * every rep that joined before it was asked, whoever folded the events in.
   */
  @Test
  void every_answer_sees_what_joined_before_it_was_asked_while_others_join_at_once()
      throws Exception {
    append(new RegionEstablished("north", "North", DAY));
    append(new TeamFormed("north-1", "north", "North one", List.of(), DAY));
    OrganisationDirectory directory = new OrganisationDirectory(store);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> seen = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int caller = t;
        seen.add(
            callers.submit(
                () -> {
                  int found = 0;
                  for (int i = 0; i < 200; i++) {
                    String rep = "rep-" + caller + "-" + i;
                    append(new RepJoined(rep, "north-1", DAY));
                    Optional<OrganisationChart.Placement> placement =
                        directory.placementOf(rep, DAY);
                    assertThat(placement)
                        .as(rep)
                        .contains(new OrganisationChart.Placement("north-1", "north"));
                    found++;
                  }
                  return found;
                }));
      }
      for (Future<Integer> callerSaw : seen) {
        assertThat(callerSaw.get()).isEqualTo(200);
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(directory.repsOf("north-1", DAY)).hasSize(1_600);
  }
}
