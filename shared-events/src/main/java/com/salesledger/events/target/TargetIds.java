package com.salesledger.events.target;

import com.salesledger.events.common.Period;

/**
 * A target's id follows from its scope, period and metric ({@code LEVEL:id:period:METRIC}), so "one
 * target per scope, period and metric" is "one stream per id": a second target for the same three
 * is the same aggregate and is refused. The stream is named {@code target/<targetId>} ('/' never
 * appears in deal or invoice ids). Revisions are named after their event's sequence number.
 */
public interface TargetIds {

  String PREFIX = "target/";

  static String of(TargetScope scope, Period period, TargetMetric metric) {
    return scope.level() + ":" + scope.id() + ":" + period + ":" + metric;
  }

  static String stream(String targetId) {
    return PREFIX + targetId;
  }

  static String revisionId(long sequenceNumber) {
    return "TR-" + sequenceNumber;
  }
}
