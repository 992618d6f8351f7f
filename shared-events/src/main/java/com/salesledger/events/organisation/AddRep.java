package com.salesledger.events.organisation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Places a rep (a user name) in a team; a rep joins once, later changes are moves. */
public record AddRep(String rep, String teamId, LocalDate effectiveFrom) {

  @TargetAggregateIdentifier
  public String organisationId() {
    return OrganisationIds.ORGANISATION;
  }
}
