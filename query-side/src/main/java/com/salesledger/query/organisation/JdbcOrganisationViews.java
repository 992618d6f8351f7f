package com.salesledger.query.organisation;

import com.salesledger.platform.security.TeamsManaged;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link OrganisationViews} over {@code organisation_fact}, and the query side's {@link
 * TeamsManaged}: the access policy reads a manager's teams from the same facts, as known now.
 */
@Component
class JdbcOrganisationViews implements OrganisationViews, TeamsManaged {

  /** Per (kind, subject) the fact in effect on the date, among those recorded by the instant. */
  private static final String IN_EFFECT =
      "select distinct on (kind, subject) kind, subject, value from organisation_fact"
          + " where effective_from <= ? and recorded_at <= ?"
          + " order by kind, subject, effective_from desc, position desc";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  JdbcOrganisationViews(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Chart asOf(LocalDate effectiveOn, Instant knownAt) {
    Map<String, Map<String, String>> facts = new HashMap<>();
    jdbc.query(
        IN_EFFECT,
        rs -> {
          facts
              .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
              .put(rs.getString(2), rs.getString(3));
        },
        Date.valueOf(effectiveOn),
        Timestamp.from(knownAt));
    Map<String, String> teamRegion = facts.getOrDefault("TEAM_REGION", Map.of());
    Map<String, String> managers = facts.getOrDefault("TEAM_MANAGERS", Map.of());
    List<Region> regions = new ArrayList<>();
    facts.getOrDefault("REGION", Map.of()).forEach((id, name) -> regions.add(new Region(id, name)));
    List<Team> teams = new ArrayList<>();
    facts
        .getOrDefault("TEAM", Map.of())
        .forEach(
            (id, name) ->
                teams.add(
                    new Team(id, name, teamRegion.get(id), names(managers.getOrDefault(id, "")))));
    List<Rep> reps = new ArrayList<>();
    facts
        .getOrDefault("REP_TEAM", Map.of())
        .forEach((rep, team) -> reps.add(new Rep(rep, team, teamRegion.get(team))));
    return new Chart(regions, teams, reps);
  }

  @Override
  public Set<String> teamsManagedBy(String manager, LocalDate on) {
    Set<String> teams = new TreeSet<>();
    jdbc.query(
        "select subject, value from ("
            + IN_EFFECT.replace("where", "where kind = 'TEAM_MANAGERS' and")
            + ") m",
        rs -> {
          if (names(rs.getString(2)).contains(manager)) {
            teams.add(rs.getString(1));
          }
        },
        Date.valueOf(on),
        Timestamp.from(clock.instant()));
    return teams;
  }

  private static List<String> names(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
