package com.salesledger.command.organisation;

import com.salesledger.events.organisation.OrganisationEvents;
import com.salesledger.events.organisation.RegionEstablished;
import com.salesledger.events.organisation.RepJoined;
import com.salesledger.events.organisation.RepMoved;
import com.salesledger.events.organisation.TeamFormed;
import com.salesledger.events.organisation.TeamManagersChanged;
import com.salesledger.events.organisation.TeamMoved;
import com.salesledger.platform.security.TeamsManaged;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The organisation folded from its events: for every region, team and rep, what held from which
 * business date. A change effective on a date holds until the next change of the same thing, so a
 * move recorded late (effective before an earlier-recorded one) slots into its place in time. The
 * aggregate decides with it, and the command side's directory answers the chart from it.
 */
public final class OrganisationTimeline implements OrganisationChart, TeamsManaged {

  private record Region(String name, LocalDate from) {}

  /** A record, so that two timelines with the same history are equal (Axon's fixtures compare). */
  private record Team(
      LocalDate from, TreeMap<LocalDate, String> region, TreeMap<LocalDate, Set<String>> managers) {
    Team(LocalDate from) {
      this(from, new TreeMap<>(), new TreeMap<>());
    }
  }

  private final Map<String, Region> regions = new HashMap<>();
  private final Map<String, Team> teams = new HashMap<>();
  private final Map<String, TreeMap<LocalDate, String>> reps = new HashMap<>();

  /** A timeline with the given events applied in order. */
  public static OrganisationTimeline of(List<? extends OrganisationEvents> events) {
    OrganisationTimeline timeline = new OrganisationTimeline();
    events.forEach(timeline::apply);
    return timeline;
  }

  public void apply(OrganisationEvents event) {
    if (event instanceof RegionEstablished e) {
      regions.put(e.regionId(), new Region(e.name(), e.effectiveFrom()));
    } else if (event instanceof TeamFormed e) {
      Team team = new Team(e.effectiveFrom());
      team.region().put(e.effectiveFrom(), e.regionId());
      team.managers().put(e.effectiveFrom(), Set.copyOf(e.managers()));
      teams.put(e.teamId(), team);
    } else if (event instanceof RepJoined e) {
      reps.computeIfAbsent(e.rep(), r -> new TreeMap<>()).put(e.effectiveFrom(), e.teamId());
    } else if (event instanceof RepMoved e) {
      reps.get(e.rep()).put(e.effectiveFrom(), e.toTeamId());
    } else if (event instanceof TeamMoved e) {
      teams.get(e.teamId()).region().put(e.effectiveFrom(), e.toRegionId());
    } else if (event instanceof TeamManagersChanged e) {
      teams.get(e.teamId()).managers().put(e.effectiveFrom(), Set.copyOf(e.toManagers()));
    }
  }

  boolean hasRegion(String regionId) {
    return regions.containsKey(regionId);
  }

  boolean hasTeam(String teamId) {
    return teams.containsKey(teamId);
  }

  boolean hasRep(String rep) {
    return reps.containsKey(rep);
  }

  /** The day a region was established; empty if unknown. */
  Optional<LocalDate> regionFrom(String regionId) {
    return Optional.ofNullable(regions.get(regionId)).map(Region::from);
  }

  Optional<LocalDate> teamFrom(String teamId) {
    return Optional.ofNullable(teams.get(teamId)).map(Team::from);
  }

  Optional<LocalDate> repFrom(String rep) {
    return Optional.ofNullable(reps.get(rep)).map(NavigableMap::firstKey);
  }

  Optional<String> teamOf(String rep, LocalDate on) {
    return Optional.ofNullable(reps.get(rep)).map(t -> t.floorEntry(on)).map(Entry::getValue);
  }

  Set<String> managersOf(String teamId, LocalDate on) {
    Team team = teams.get(teamId);
    Entry<LocalDate, Set<String>> entry = team == null ? null : team.managers().floorEntry(on);
    return entry == null ? Set.of() : entry.getValue();
  }

  @Override
  public Optional<Placement> placementOf(String rep, LocalDate on) {
    return teamOf(rep, on).flatMap(team -> regionOf(team, on).map(r -> new Placement(team, r)));
  }

  @Override
  public Set<String> regions(LocalDate on) {
    return regions.entrySet().stream()
        .filter(r -> !r.getValue().from().isAfter(on))
        .map(Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public Set<String> teamsOf(String regionId, LocalDate on) {
    return teams.keySet().stream()
        .filter(t -> regionOf(t, on).filter(regionId::equals).isPresent())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public Set<String> repsOf(String teamId, LocalDate on) {
    return reps.keySet().stream()
        .filter(r -> teamOf(r, on).filter(teamId::equals).isPresent())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public Optional<String> regionOf(String teamId, LocalDate on) {
    Team team = teams.get(teamId);
    Entry<LocalDate, String> entry = team == null ? null : team.region().floorEntry(on);
    return entry == null ? Optional.empty() : Optional.of(entry.getValue());
  }

  @Override
  public Set<String> teamsManagedBy(String manager, LocalDate on) {
    return teams.keySet().stream()
        .filter(t -> managersOf(t, on).contains(manager))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
