package com.salesledger.events.organisation;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a team's managers (user names) from a date. */
public record ChangeTeamManagers(
    String teamId, List<String> managers, LocalDate effectiveFrom, String reason) {

  @TargetAggregateIdentifier
  public String organisationId() {
    return OrganisationIds.ORGANISATION;
  }
}
