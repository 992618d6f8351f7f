package com.salesledger.query.common;

import org.axonframework.eventhandling.TrackingToken;

/** The global position of the event being handled, from its tracking token. */
public final class Positions {

  private Positions() {}

  public static long of(TrackingToken token) {
    return token.position().orElseThrow(() -> new IllegalStateException("token without position"));
  }
}
