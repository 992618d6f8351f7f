package com.salesledger.command.common;

import com.salesledger.platform.axon.EventStoreMonitor;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

/**
 * Remembers the last event a unit of work publishes, so a command that changes several aggregates
 * answers the position of its last event rather than of its first aggregate's. Events are appended
 * in the order they are published, so the last published has the highest position. A monitor of the
 * event store, because the store sees an event when an aggregate applies it (its dispatch
 * interceptors only at commit, after the handler has answered).
 */
final class LastEventOfCommand implements EventStoreMonitor {

  private static final String RESOURCE = LastEventOfCommand.class.getName();

  @Override
  public MonitorCallback onMessageIngested(EventMessage<?> message) {
    if (message instanceof DomainEventMessage<?> event && CurrentUnitOfWork.isStarted()) {
      CurrentUnitOfWork.get()
          .root()
          .resources()
          .put(
              RESOURCE,
              new CommandResult.Event(event.getAggregateIdentifier(), event.getSequenceNumber()));
    }
    return NoOpMessageMonitorCallback.INSTANCE;
  }

  /** The last event published in {@code unitOfWork} so far, if any. */
  static Optional<CommandResult.Event> in(UnitOfWork<?> unitOfWork) {
    return Optional.ofNullable(unitOfWork.root().getResource(RESOURCE));
  }
}
