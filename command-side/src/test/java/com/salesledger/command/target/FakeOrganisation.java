package com.salesledger.command.target;

import com.salesledger.command.organisation.OrganisationChart;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The test organisation (the same on every day): regions north (teams north-1, north-2) and south
 * (team south-1); reps rep1 and rep2 in north-1, rep3 in south-1.
 */
final class FakeOrganisation implements OrganisationChart {

  private static final Map<String, String> REGION_OF_TEAM =
      Map.of("north-1", "north", "north-2", "north", "south-1", "south");
  private static final Map<String, String> TEAM_OF_REP =
      Map.of("rep1", "north-1", "rep2", "north-1", "rep3", "south-1");

  @Override
  public Optional<Placement> placementOf(String rep, LocalDate on) {
    return Optional.ofNullable(TEAM_OF_REP.get(rep))
        .map(team -> new Placement(team, REGION_OF_TEAM.get(team)));
  }

  @Override
  public Set<String> regions(LocalDate on) {
    return Set.of("north", "south");
  }

  @Override
  public Set<String> teamsOf(String regionId, LocalDate on) {
    return Set.copyOf(
        REGION_OF_TEAM.entrySet().stream()
            .filter(e -> e.getValue().equals(regionId))
            .map(Map.Entry::getKey)
            .toList());
  }

  @Override
  public Set<String> repsOf(String teamId, LocalDate on) {
    return Set.copyOf(
        TEAM_OF_REP.entrySet().stream()
            .filter(e -> e.getValue().equals(teamId))
            .map(Map.Entry::getKey)
            .toList());
  }

  @Override
  public Optional<String> regionOf(String teamId, LocalDate on) {
    return Optional.ofNullable(REGION_OF_TEAM.get(teamId));
  }
}
