package com.salesledger.command.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.command.organisation.OrganisationTimeline;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.receivable.PaymentReceived;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * A generated history backdated for the benchmark reads as a ledger used over the years: each event
 * recorded on its business date, every aggregate's events in their order, nothing later than now,
 * and nothing else of an event changed.
 */
class RecordingOnBusinessDateTest {

  // just after midnight: an event of today would be stamped after now but for the cap
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-30T00:00:00.005Z"), ZoneOffset.UTC);

  @Test
  void each_event_is_recorded_on_its_business_date_in_its_aggregates_order_and_never_after_now() {
    HistoryShape shape = new HistoryShape(300, 2, 20, 4, 2, 11);
    SalesHistory history = new SalesHistory(shape, LocalDate.now(CLOCK));
    OrganisationTimeline organisation = GeneratedHistoryFixture.organisationOf(history, CLOCK);
    HistoryGenerator.InBusinessOrder ordered;
    try (AggregateSandbox sandbox =
        new AggregateSandbox(CLOCK, GeneratedHistoryFixture.ADMIN, 30, organisation)) {
      history.commands(1, shape.deals(), sandbox::send);
      ordered = HistoryGenerator.inBusinessOrder(sandbox.drain());
    }

    List<DomainEventMessage<?>> asWritten = ordered.stamped(Recording.WHEN_WRITTEN, CLOCK);
    List<DomainEventMessage<?>> backdated = ordered.stamped(Recording.ON_BUSINESS_DATE, CLOCK);

    assertThat(asWritten).isSameAs(ordered.events());
    assertThat(backdated).hasSameSizeAs(ordered.events()).hasSizeGreaterThan(1_000);
    Map<String, Instant> lastOfAggregate = new HashMap<>();
    for (int i = 0; i < backdated.size(); i++) {
      DomainEventMessage<?> original = ordered.events().get(i);
      DomainEventMessage<?> stamped = backdated.get(i);
      assertThat(stamped.getIdentifier()).isEqualTo(original.getIdentifier());
      assertThat(stamped.getAggregateIdentifier()).isEqualTo(original.getAggregateIdentifier());
      assertThat(stamped.getSequenceNumber()).isEqualTo(original.getSequenceNumber());
      assertThat(stamped.getPayload()).isSameAs(original.getPayload());
      assertThat(stamped.getMetaData()).isEqualTo(original.getMetaData());
      Instant recorded = stamped.getTimestamp();
      assertThat(recorded).isBeforeOrEqualTo(CLOCK.instant());
      if (!recorded.equals(CLOCK.instant())) {
        assertThat(LocalDate.ofInstant(recorded, ZoneOffset.UTC))
            .as("recorded on its business date: " + original.getPayloadType().getSimpleName())
            .isEqualTo(ordered.dates().get(i));
      }
      Instant previous = lastOfAggregate.put(stamped.getAggregateIdentifier(), recorded);
      if (previous != null) {
        assertThat(recorded).as("aggregate order").isAfterOrEqualTo(previous);
      }
    }
    DomainEventMessage<?> aWin =
        backdated.stream().filter(e -> e.getPayload() instanceof DealWon).findFirst().orElseThrow();
    assertThat(LocalDate.ofInstant(aWin.getTimestamp(), ZoneOffset.UTC))
        .isEqualTo(((DealWon) aWin.getPayload()).closeDate());
    DomainEventMessage<?> aPayment =
        backdated.stream()
            .filter(e -> e.getPayload() instanceof PaymentReceived)
            .findFirst()
            .orElseThrow();
    assertThat(LocalDate.ofInstant(aPayment.getTimestamp(), ZoneOffset.UTC))
        .isEqualTo(((PaymentReceived) aPayment.getPayload()).receivedOn());
    assertThat(backdated.stream().map(DomainEventMessage::getTimestamp).distinct().count())
        .as("spread over the history, not one instant")
        .isGreaterThan(backdated.size() / 10);
  }
}
