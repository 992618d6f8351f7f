package com.salesledger.command.common;

/** Finds the global event position of an aggregate's event, for X-Ledger-Position. */
public interface EventPositions {

  long positionOf(String aggregateId, long version);
}
