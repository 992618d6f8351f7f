package com.salesledger.command.credit;

import static com.salesledger.command.credit.CreditHistory.ACCOUNT;
import static com.salesledger.command.credit.CreditHistory.CUSTOMER;
import static com.salesledger.command.credit.CreditHistory.TODAY;
import static com.salesledger.command.credit.CreditHistory.invoiced;
import static com.salesledger.command.credit.CreditHistory.money;
import static com.salesledger.command.credit.CreditHistory.opened;
import static com.salesledger.command.credit.CreditHistory.won;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.credit.ReceivableSettled;
import com.salesledger.events.credit.SettlementKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * The early-warning trigger evaluates after every relevant event when it keeps up with the stream,
 * and, catching up, skips an event only when a later one of the same account is evaluated anyway.
 */
class CreditWarningTriggerTest {

  /** Records the evaluations the trigger asks for instead of sending them. */
  private static final class RecordedReviews extends CreditReviews {
    final List<String> evaluations = new ArrayList<>();
    final Set<String> accounts = new HashSet<>();

    RecordedReviews() {
      super(null, null);
    }

    @Override
    public void evaluate(String customerId, String correlationId) {
      evaluations.add(customerId + " after " + correlationId);
    }

    @Override
    public boolean hasAccount(String customerId) {
      return accounts.contains(customerId);
    }

    @Override
    void addAccount(String customerId) {
      accounts.add(customerId);
    }
  }

  private final EventStore eventStore =
      EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
  private final RecordedReviews reviews = new RecordedReviews();
  private final CreditWarningTrigger trigger = new CreditWarningTrigger(reviews, eventStore);

  /** The account's stream: opened, a win, two invoices, a payment, then a second win. */
  private static final List<Object> HISTORY =
      List.of(
          opened(),
          won("deal-1", "1000.00", "0.00"),
          invoiced("inv-1", "deal-1", "600.00", TODAY.plusDays(10), "1000.00"),
          invoiced("inv-2", "deal-1", "400.00", TODAY.plusDays(20), "1000.00"),
          new ReceivableSettled(
              CUSTOMER,
              "inv-1",
              SettlementKind.PAYMENT,
              money("600.00"),
              TODAY,
              money("0.00"),
              money("400.00")),
          won("deal-2", "500.00", "400.00"));

  @Test
  void keeping_up_with_the_stream_every_relevant_event_is_evaluated() {
    for (int seq = 0; seq < HISTORY.size(); seq++) {
      handle(append(seq));
    }

    assertThat(reviews.evaluations)
        .containsExactly(
            "cust-1 after c0",
            "cust-1 after c1",
            "cust-1 after c2",
            "cust-1 after c3",
            "cust-1 after c4",
            "cust-1 after c5");
  }

  @Test
  void catching_up_an_event_followed_by_one_evaluated_anyway_is_not_evaluated_again() {
    List<DomainEventMessage<?>> stored = new ArrayList<>();
    for (int seq = 0; seq < HISTORY.size(); seq++) {
      stored.add(append(seq));
    }
    stored.forEach(this::handle);

    // opened, the first win and the first invoice are each followed by an invoice or a payment,
    // evaluated in any case; the payment is followed only by a win, which is evaluated only when
    // the account is open, so the payment is evaluated, and so is the last event
    assertThat(reviews.evaluations).containsExactly("cust-1 after c4", "cust-1 after c5");
    assertThat(reviews.accounts).containsExactly(CUSTOMER);
  }

  private DomainEventMessage<?> append(int seq) {
    DomainEventMessage<?> message =
        new GenericDomainEventMessage<>(
            "CreditAccount",
            ACCOUNT,
            seq,
            HISTORY.get(seq),
            Map.of(LedgerMetaData.CORRELATION_ID, "c" + seq));
    eventStore.publish(message);
    return message;
  }

  private void handle(DomainEventMessage<?> message) {
    Object payload = message.getPayload();
    if (payload instanceof com.salesledger.events.credit.CreditAccountOpened e) {
      trigger.on(e, message);
    } else if (payload instanceof com.salesledger.events.credit.CreditCheckPassed e) {
      trigger.on(e, message);
    } else if (payload instanceof com.salesledger.events.credit.ReceivableRecorded e) {
      trigger.on(e, message);
    } else if (payload instanceof ReceivableSettled e) {
      trigger.on(e, message);
    }
  }
}
