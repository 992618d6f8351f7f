package com.salesledger.query.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The organisation as it stood on a business date, as the ledger knew it at an instant. */
interface OrganisationViews {

  record Region(String regionId, String name) {}

  record Team(String teamId, String name, String regionId, List<String> managers) {}

  record Rep(String rep, String teamId, String regionId) {}

  record Chart(List<Region> regions, List<Team> teams, List<Rep> reps) {}

  Chart asOf(LocalDate effectiveOn, Instant knownAt);
}
