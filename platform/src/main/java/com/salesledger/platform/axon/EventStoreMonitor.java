package com.salesledger.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;

/**
 * A monitor an app hands to the event store (at most one bean): it sees each event as it is
 * published, inside the unit of work that publishes it.
 */
public interface EventStoreMonitor extends MessageMonitor<EventMessage<?>> {}
