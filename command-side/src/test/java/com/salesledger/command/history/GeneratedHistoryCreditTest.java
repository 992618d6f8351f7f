package com.salesledger.command.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.command.organisation.OrganisationTimeline;
import com.salesledger.events.credit.CreditAccountOpened;
import com.salesledger.events.credit.CreditCheckPassed;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.receivable.InvoiceIssued;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** Generated histories go through the credit check of every win, as the command side does. */
class GeneratedHistoryCreditTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void some_customers_have_accounts_most_wins_pass_a_few_are_held_and_none_is_refused() {
    HistoryShape shape = new HistoryShape(1_500, 3, 50, 8, 3, 7);
    SalesHistory history = new SalesHistory(shape, LocalDate.now(CLOCK));
    List<DomainEventMessage<?>> events = new ArrayList<>();
    long refused;
    MetaData metaData = GeneratedHistoryFixture.ADMIN;
    OrganisationTimeline organisation = GeneratedHistoryFixture.organisationOf(history, CLOCK);
    assertThat(organisation.teamsManagedBy("manager1", LocalDate.now(CLOCK)))
        .as("manager1 manages the teams of rep1 and rep2")
        .contains(
            organisation.placementOf("rep1", LocalDate.now(CLOCK)).orElseThrow().teamId(),
            organisation.placementOf("rep2", LocalDate.now(CLOCK)).orElseThrow().teamId());
    try (AggregateSandbox sandbox = new AggregateSandbox(CLOCK, metaData, 30, organisation)) {
      // two chunks of whole customers, as the generator cuts them
      history.commands(1, history.firstDealOf(26) - 1, sandbox::send);
      events.addAll(sandbox.drain());
      history.commands(history.firstDealOf(26), shape.deals(), sandbox::send);
      events.addAll(sandbox.drain());
      refused = sandbox.refused();
    }

    assertThat(refused).as("commands refused").isZero();
    long accounts = count(events, CreditAccountOpened.class);
    long won = count(events, DealWon.class);
    long held = count(events, DealPutOnCreditHold.class);
    assertThat(accounts).isEqualTo(12); // customers 4, 8, ..., 48
    assertThat(held).isPositive().isLessThan(won / 10);
    assertThat(count(events, CreditCheckPassed.class)).isEqualTo(won);
    Set<String> heldDeals = new HashSet<>();
    events.stream()
        .filter(e -> e.getPayload() instanceof DealPutOnCreditHold)
        .forEach(e -> heldDeals.add(((DealPutOnCreditHold) e.getPayload()).dealId()));
    assertThat(events)
        .filteredOn(
            e -> e.getPayload() instanceof InvoiceIssued i && heldDeals.contains(i.dealId()))
        .as("held deals are not invoiced")
        .isEmpty();
    Set<String> streams = new HashSet<>();
    assertThat(events)
        .filteredOn(e -> e.getSequenceNumber() == 0)
        .allMatch(e -> streams.add(e.getAggregateIdentifier()), "each stream starts once");
  }

  private static long count(List<DomainEventMessage<?>> events, Class<?> type) {
    return events.stream().filter(e -> type.isInstance(e.getPayload())).count();
  }
}
