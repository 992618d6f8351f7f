package com.salesledger.command.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/** When generated events are recorded: the time stamp each one is stored with. */
public enum Recording {

  /**
   * When they are written (a few minutes for a whole history). Safe while the ledger's projections
   * read the event table: the demo data is loaded that way.
   */
  WHEN_WRITTEN,

  /**
   * On their business date, as a ledger used over the years would have recorded them: the
   * organisation and the targets on the day before the history starts, each deal's events on their
   * dates. As-of questions then read what a real ledger would (month sums for past months) instead
   * of every event as of the one day of generation.
   *
   * <p>Only for an event table no processor reads during generation: Axon's JDBC event store takes
   * a gap in the global index before an event older than its gap timeout as settled for good, so a
   * live processor could skip a lower index another generator thread has not committed yet.
   */
  ON_BUSINESS_DATE;

  /**
   * {@code events}, each dated {@code dates} (same order, each aggregate's dates never decreasing),
   * stamped by this policy: on their date, a millisecond apart within a day so each aggregate's
   * events keep their order, never later than now.
   */
  List<DomainEventMessage<?>> stamp(
      List<DomainEventMessage<?>> events, List<LocalDate> dates, Clock clock) {
    if (this == WHEN_WRITTEN) {
      return events;
    }
    Instant now = clock.instant();
    List<DomainEventMessage<?>> stamped = new ArrayList<>(events.size());
    LocalDate day = null;
    long withinDay = 0;
    for (int i = 0; i < events.size(); i++) {
      LocalDate date = dates.get(i);
      withinDay = date.equals(day) ? withinDay + 1 : 0;
      day = date;
      Instant recorded =
          date.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMillis(withinDay));
      stamped.add(at(events.get(i), recorded.isAfter(now) ? now : recorded));
    }
    return stamped;
  }

  private static <T> DomainEventMessage<T> at(DomainEventMessage<T> event, Instant recorded) {
    return new GenericDomainEventMessage<>(
        event.getType(),
        event.getAggregateIdentifier(),
        event.getSequenceNumber(),
        event.getPayload(),
        event.getMetaData(),
        event.getIdentifier(),
        recorded);
  }
}
