package com.salesledger.events.organisation;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Forms a team in a region, with its managers (user names). */
public record FormTeam(
    String teamId, String regionId, String name, List<String> managers, LocalDate effectiveFrom) {

  @TargetAggregateIdentifier
  public String organisationId() {
    return OrganisationIds.ORGANISATION;
  }
}
