package com.salesledger.events.organisation;

import java.time.LocalDate;
import java.util.List;

/** A team's managers (user names, sorted) from {@code effectiveFrom}: the whole new set. */
public record TeamManagersChanged(
    String teamId,
    List<String> fromManagers,
    List<String> toManagers,
    LocalDate effectiveFrom,
    String reason)
    implements OrganisationEvents {

  public TeamManagersChanged {
    fromManagers = List.copyOf(fromManagers);
    toManagers = List.copyOf(toManagers);
  }
}
