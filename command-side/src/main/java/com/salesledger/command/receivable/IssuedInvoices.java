package com.salesledger.command.receivable;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Whether an invoice id is taken: a cheap look-up of the id's stream. A concurrent issue of the
 * same id that slips past it still fails on the event store's unique index (409).
 */
@Component
public class IssuedInvoices {

  private final EventStore eventStore;

  public IssuedInvoices(EventStore eventStore) {
    this.eventStore = eventStore;
  }

  public boolean contains(String invoiceId) {
    return eventStore.lastSequenceNumberFor(invoiceId).isPresent();
  }
}
