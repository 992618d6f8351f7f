package com.salesledger.command.organisation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation as it stood on a day, published for the other command-side features (deals
 * place their owner by it, targets decompose along it). They may depend on this interface and
 * {@link Placement}, nothing else of the feature.
 */
public interface OrganisationChart {

  /** Where a rep belonged on {@code on}: their team and that team's region; empty if unknown. */
  Optional<Placement> placementOf(String rep, LocalDate on);

  /** The ids of the regions that existed on {@code on}. */
  Set<String> regions(LocalDate on);

  /** The ids of the teams in {@code regionId} on {@code on}. */
  Set<String> teamsOf(String regionId, LocalDate on);

  /** The user names of the reps in {@code teamId} on {@code on}. */
  Set<String> repsOf(String teamId, LocalDate on);

  /** The region {@code teamId} belonged to on {@code on}; empty if the team did not exist. */
  Optional<String> regionOf(String teamId, LocalDate on);

  /** A rep's place in the organisation on a day. */
  record Placement(String teamId, String regionId) {}
}
