package com.salesledger.events.organisation;

import java.time.LocalDate;
import java.util.List;

/** A team in a region, with its managers (user names, sorted), from {@code effectiveFrom}. */
public record TeamFormed(
    String teamId, String regionId, String name, List<String> managers, LocalDate effectiveFrom)
    implements OrganisationEvents {

  public TeamFormed {
    managers = List.copyOf(managers);
  }
}
