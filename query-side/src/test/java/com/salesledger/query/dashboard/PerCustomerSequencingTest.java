package com.salesledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.deal.DealReassigned;
import com.salesledger.events.deal.DealWon;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class PerCustomerSequencingTest {

  private static EventMessage<?> of(String dealId, Object payload) {
    return new GenericDomainEventMessage<>("Deal", dealId, 0, payload);
  }

  private static DealWon won(String dealId, String customer) {
    return new DealWon(
        dealId,
        customer,
        "rep1",
        "north-1",
        "north",
        "software",
        BigDecimal.TEN,
        BigDecimal.ONE,
        "EUR",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 2, 1));
  }

  private static Object sequenceOf(EventMessage<?> event) {
    return PerCustomerSequencing.INSTANCE.getSequenceIdentifierFor(event);
  }

  @Test
  void the_wins_of_one_customers_deals_share_a_sequence_and_other_customers_do_not() {
    assertThat(sequenceOf(of("D-1", won("D-1", "acme"))))
        .isEqualTo(sequenceOf(of("D-2", won("D-2", "acme"))))
        .isNotEqualTo(sequenceOf(of("D-3", won("D-3", "globex"))));
  }

  @Test
  void an_event_without_a_customer_keeps_its_aggregates_sequence() {
    DealReassigned moved = new DealReassigned("D-1", "a", "t", "r", "b", "t", "r", "moved");
    assertThat(sequenceOf(of("D-1", moved))).isEqualTo("D-1");
  }
}
