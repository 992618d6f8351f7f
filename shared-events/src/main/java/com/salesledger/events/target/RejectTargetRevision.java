package com.salesledger.events.target;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rejects a waiting revision; never by the one who requested it. */
public record RejectTargetRevision(String targetId, String revisionId, String reason) {

  @TargetAggregateIdentifier
  public String streamId() {
    return TargetIds.stream(targetId);
  }
}
