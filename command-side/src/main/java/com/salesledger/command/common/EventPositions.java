package com.salesledger.command.common;

/** Finds the global event position of an aggregate's event, for X-Ledger-Position. */
public interface EventPositions {

  /** No mark was taken (e.g. answering a repeated request): any position at or after will do. */
  long NO_MARK = Long.MIN_VALUE;

  /** Taken just before a command is sent: its events come after this mark. */
  long mark();

  /**
   * The position of the aggregate's event at {@code version}, written after {@code mark}; with
   * {@link #NO_MARK} a store that cannot look it up cheaply may answer a later position.
   */
  long positionOf(String aggregateId, long version, long mark);
}
