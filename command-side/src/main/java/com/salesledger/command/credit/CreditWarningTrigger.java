package com.salesledger.command.credit;

import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.credit.CreditAccountOpened;
import com.salesledger.events.credit.CreditAccountReleased;
import com.salesledger.events.credit.CreditCheckPassed;
import com.salesledger.events.credit.CreditLimitChanged;
import com.salesledger.events.credit.HeldDealReleased;
import com.salesledger.events.credit.ReceivableRecorded;
import com.salesledger.events.credit.ReceivableSettled;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Evaluation "on each relevant event": after every event that changes exposure, the limit or the
 * open invoices of a customer with an account, the account is evaluated (as the system). A
 * persistent processor (its position in token_entry) so nothing is skipped across restarts; the
 * evaluation changes nothing when nothing changed, so handling an event twice is harmless.
 *
 * <p>An evaluation reads the account as it stands when it runs, not as of its event. So when the
 * account's stream already holds a later event that is evaluated in every case, evaluating this one
 * adds nothing: handling that later one evaluates the account with this event and more. Live, the
 * stream ends with the event at hand and every trigger is evaluated; catching up (a new ledger on
 * an existing event store, the benchmark's generated history) each account is evaluated once per
 * run of triggers instead of once per trigger: a customer with 15 invoices had 40 evaluations.
 */
@Component
@ProcessingGroup(CreditWarningTrigger.PROCESSOR)
class CreditWarningTrigger {

  static final String PROCESSOR = "credit-warnings";

  /**
   * The account events whose handling below evaluates the account whatever they carry (a passed
   * check does only when the account is open, so it is not counted on).
   */
  private static final Set<Class<?>> ALWAYS_EVALUATED =
      Set.of(
          CreditAccountOpened.class,
          CreditLimitChanged.class,
          CreditAccountReleased.class,
          HeldDealReleased.class,
          ReceivableRecorded.class,
          ReceivableSettled.class);

  private final CreditReviews reviews;
  private final EventStore eventStore;

  CreditWarningTrigger(CreditReviews reviews, EventStore eventStore) {
    this.reviews = reviews;
    this.eventStore = eventStore;
  }

  @EventHandler
  void on(CreditAccountOpened event, DomainEventMessage<?> message) {
    reviews.addAccount(event.customerId());
    evaluate(event.customerId(), message);
  }

  @EventHandler
  void on(CreditLimitChanged event, DomainEventMessage<?> message) {
    evaluate(event.customerId(), message);
  }

  @EventHandler
  void on(CreditAccountReleased event, DomainEventMessage<?> message) {
    evaluate(event.customerId(), message);
  }

  @EventHandler
  void on(CreditCheckPassed event, DomainEventMessage<?> message) {
    if (event.check().accountOpen()) {
      evaluate(event.customerId(), message);
    }
  }

  @EventHandler
  void on(HeldDealReleased event, DomainEventMessage<?> message) {
    evaluate(event.customerId(), message);
  }

  @EventHandler
  void on(ReceivableRecorded event, DomainEventMessage<?> message) {
    evaluateIfAccount(event.customerId(), message);
  }

  @EventHandler
  void on(ReceivableSettled event, DomainEventMessage<?> message) {
    evaluateIfAccount(event.customerId(), message);
  }

  private void evaluateIfAccount(String customerId, DomainEventMessage<?> message) {
    if (reviews.hasAccount(customerId)) {
      evaluate(customerId, message);
    }
  }

  private void evaluate(String customerId, DomainEventMessage<?> message) {
    if (!evaluatedLater(message)) {
      reviews.evaluate(
          customerId, (String) message.getMetaData().get(LedgerMetaData.CORRELATION_ID));
    }
  }

  /** Whether a later event of the same account will be evaluated in any case. */
  private boolean evaluatedLater(DomainEventMessage<?> message) {
    DomainEventStream later =
        eventStore.readEvents(message.getAggregateIdentifier(), message.getSequenceNumber() + 1);
    while (later.hasNext()) {
      if (ALWAYS_EVALUATED.contains(later.next().getPayloadType())) {
        return true;
      }
    }
    return false;
  }
}
