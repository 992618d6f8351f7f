package com.salesledger.command.organisation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY: replaced at merge by the organisation feature. An organisation without regions, teams
 * or reps, so the command side starts on the targets branch (only COMPANY targets and sub-period
 * decompositions can be made against it).
 */
@Component
class NoOrganisationYet implements OrganisationChart {

  @Override
  public Optional<Placement> placementOf(String rep, LocalDate on) {
    return Optional.empty();
  }

  @Override
  public Set<String> regions(LocalDate on) {
    return Set.of();
  }

  @Override
  public Set<String> teamsOf(String regionId, LocalDate on) {
    return Set.of();
  }

  @Override
  public Set<String> repsOf(String teamId, LocalDate on) {
    return Set.of();
  }

  @Override
  public Optional<String> regionOf(String teamId, LocalDate on) {
    return Optional.empty();
  }
}
