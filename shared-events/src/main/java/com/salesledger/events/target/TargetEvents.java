package com.salesledger.events.target;

/** Marker for the events of a target's stream ({@link TargetIds}). */
public sealed interface TargetEvents
    permits TargetSet,
        TargetDecomposed,
        TargetReapportioned,
        TargetRevisionRequested,
        TargetRevised,
        TargetRevisionRejected {
  String targetId();
}
