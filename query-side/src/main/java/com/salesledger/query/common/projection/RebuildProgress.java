package com.salesledger.query.common.projection;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild stands, as the endpoint, the health check and the log show it.
 *
 * @param projections the projections being rebuilt
 * @param state RUNNING (filling the shadow tables), SWAPPING, DONE or FAILED
 * @param eventsDone position reached in the event stream
 * @param eventsTotal the head of the event stream (it grows while the ledger takes commands)
 * @param eventsPerSecond recent speed
 * @param secondsLeft estimated time to catch up with the head, null when unknown
 * @param failure why it failed (the live read model is untouched then)
 */
public record RebuildProgress(
    List<String> projections,
    String state,
    long eventsDone,
    long eventsTotal,
    double eventsPerSecond,
    Long secondsLeft,
    Instant startedAt,
    Instant finishedAt,
    Long seconds,
    String failure) {

  public boolean running() {
    return state.equals("RUNNING") || state.equals("SWAPPING");
  }
}
