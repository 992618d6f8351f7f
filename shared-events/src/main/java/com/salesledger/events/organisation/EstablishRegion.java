package com.salesledger.events.organisation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Establishes a region of the organisation. */
public record EstablishRegion(String regionId, String name, LocalDate effectiveFrom) {

  @TargetAggregateIdentifier
  public String organisationId() {
    return OrganisationIds.ORGANISATION;
  }
}
