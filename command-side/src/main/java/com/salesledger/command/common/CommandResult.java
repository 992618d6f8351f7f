package com.salesledger.command.common;

/**
 * What a command handler answers: the aggregate it touched and its version afterwards, and the last
 * event the command appended when that is another aggregate's (a decomposition sets its children
 * after the parent's event; an approved limit books held deals after the account's event).
 */
public record CommandResult(String aggregateId, long version, Event lastEvent) {

  /** One stored event: its stream and its sequence number there. */
  public record Event(String aggregateId, long sequenceNumber) {}

  public CommandResult(String aggregateId, long version) {
    this(aggregateId, version, null);
  }

  /** Axon answers a creating command with the new aggregate's id; its first event is version 0. */
  public static CommandResult from(Object handlerResult) {
    if (handlerResult instanceof CommandResult result) {
      return result;
    }
    if (handlerResult instanceof String id) {
      return new CommandResult(id, 0);
    }
    throw new IllegalStateException("unexpected command result " + handlerResult);
  }

  /**
   * The event whose position answers the command: its last, so that a read waiting for that
   * position sees everything the command did.
   */
  public Event positioned() {
    return lastEvent != null ? lastEvent : new Event(aggregateId, version);
  }

  CommandResult appending(Event last) {
    return new CommandResult(aggregateId, version, last);
  }
}
