package com.salesledger.command.organisation;

import com.salesledger.events.organisation.OrganisationEvents;
import com.salesledger.events.organisation.OrganisationIds;
import com.salesledger.platform.security.TeamsManaged;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The chart the other command-side features ask, read from the organisation's own event stream:
 * every question first asks the store for the stream's last sequence number and reads only the
 * events after the ones already folded in. So a deal opened right after a rep joined sees the rep
 * (the join is committed before its answer), with no second copy of the organisation to keep in
 * step, and the usual cost is one indexed lookup.
 */
@Component
public class OrganisationDirectory implements OrganisationChart, TeamsManaged {

  private final EventStore eventStore;
  private OrganisationTimeline timeline = new OrganisationTimeline();
  private long folded = -1;

  public OrganisationDirectory(EventStore eventStore) {
    this.eventStore = eventStore;
  }

  @Override
  public Optional<Placement> placementOf(String rep, LocalDate on) {
    return current(t -> t.placementOf(rep, on));
  }

  @Override
  public Set<String> regions(LocalDate on) {
    return current(t -> t.regions(on));
  }

  @Override
  public Set<String> teamsOf(String regionId, LocalDate on) {
    return current(t -> t.teamsOf(regionId, on));
  }

  @Override
  public Set<String> repsOf(String teamId, LocalDate on) {
    return current(t -> t.repsOf(teamId, on));
  }

  @Override
  public Optional<String> regionOf(String teamId, LocalDate on) {
    return current(t -> t.regionOf(teamId, on));
  }

  @Override
  public Set<String> teamsManagedBy(String manager, LocalDate on) {
    return current(t -> t.teamsManagedBy(manager, on));
  }

  /**
   * The store is asked for the stream's last sequence number outside the lock: every deal command
   * asks, and with the look-up inside, eight senders queued for one database round trip at a time.
   */
  private <T> T current(Function<OrganisationTimeline, T> question) {
    long last = lastSequenceNumber();
    synchronized (this) {
      if (last < folded) {
        // Another caller folded a later event since this one looked, or the store was emptied
        // under us (tests, a restore): only a second look inside the lock tells which.
        last = lastSequenceNumber();
        if (last < folded) {
          timeline = new OrganisationTimeline();
          folded = -1;
        }
      }
      if (last > folded) {
        DomainEventStream stream = eventStore.readEvents(OrganisationIds.ORGANISATION, folded + 1);
        while (stream.hasNext()) {
          DomainEventMessage<?> event = stream.next();
          if (event.getPayload() instanceof OrganisationEvents change) {
            timeline.apply(change);
          }
          folded = event.getSequenceNumber();
        }
      }
      return question.apply(timeline);
    }
  }

  private long lastSequenceNumber() {
    return eventStore.lastSequenceNumberFor(OrganisationIds.ORGANISATION).orElse(-1L);
  }
}
