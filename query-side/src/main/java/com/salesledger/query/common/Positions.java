package com.salesledger.query.common;

import org.axonframework.eventhandling.TrackingToken;

/**
 * The read model's position once the event being handled is applied: its tracking token's position.
 * For an event that fills an earlier gap this is above the event's own global index, so it is
 * recorded as "updated at position", never as the event's position.
 */
public final class Positions {

  private Positions() {}

  public static long of(TrackingToken token) {
    return token.position().orElseThrow(() -> new IllegalStateException("token without position"));
  }
}
