package com.salesledger.events.organisation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a team to another region from a date. */
public record MoveTeam(String teamId, String regionId, LocalDate effectiveFrom, String reason) {

  @TargetAggregateIdentifier
  public String organisationId() {
    return OrganisationIds.ORGANISATION;
  }
}
