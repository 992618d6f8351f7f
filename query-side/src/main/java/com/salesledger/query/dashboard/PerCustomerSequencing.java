package com.salesledger.query.dashboard;

import com.salesledger.events.deal.DealCreditHoldReleased;
import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.DealWon;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * The sales projection's order: every event of one customer's deals on one segment, in stream
 * order. A customer's first win (the new-customer count, as it was learnt) compares wins of
 * different deals; with Axon's default per-deal sequencing two segments would race on it and the
 * counts as known at an instant would depend on which segment ran first (a rebuild then differs
 * from the live read model). Per-deal order still holds, since a deal never changes customer; the
 * deal events the projection handles all carry the customer, other events keep per-aggregate order.
 */
final class PerCustomerSequencing implements SequencingPolicy<EventMessage<?>> {

  static final PerCustomerSequencing INSTANCE = new PerCustomerSequencing();

  private PerCustomerSequencing() {}

  @Override
  public Object getSequenceIdentifierFor(EventMessage<?> event) {
    String customer = customerOf(event.getPayload());
    return customer != null
        ? "customer:" + customer
        : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
  }

  private static String customerOf(Object payload) {
    if (payload instanceof DealWon e) {
      return e.customerId();
    }
    if (payload instanceof DealLost e) {
      return e.customerId();
    }
    if (payload instanceof DealPutOnCreditHold e) {
      return e.customerId();
    }
    if (payload instanceof DealCreditHoldReleased e) {
      return e.customerId();
    }
    if (payload instanceof DealOpened e) {
      return e.customerId();
    }
    return null;
  }
}
