package com.salesledger.events.target;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Splits a target into children that belong to it and add up to it exactly. */
public record DecomposeTarget(
    String targetId,
    List<TargetChild> children,
    String reason,
    @TargetAggregateVersion Long expectedVersion) {

  public DecomposeTarget {
    children = children == null ? List.of() : List.copyOf(children);
  }

  @TargetAggregateIdentifier
  public String streamId() {
    return TargetIds.stream(targetId);
  }
}
