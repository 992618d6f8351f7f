package com.salesledger.events.organisation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a rep to another team from a date. */
public record MoveRep(String rep, String teamId, LocalDate effectiveFrom, String reason) {

  @TargetAggregateIdentifier
  public String organisationId() {
    return OrganisationIds.ORGANISATION;
  }
}
