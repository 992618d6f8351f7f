package com.salesledger.command.organisation;

import static com.salesledger.command.LedgerFixture.REP1;
import static com.salesledger.command.LedgerFixture.caller;
import static com.salesledger.command.LedgerFixture.fixtureFor;
import static com.salesledger.command.common.Rejections.rejected;
import static com.salesledger.events.common.Rejection.Kind.CONFLICT;
import static com.salesledger.events.common.Rejection.Kind.FORBIDDEN;
import static com.salesledger.events.common.Rejection.Kind.NOT_FOUND;
import static com.salesledger.events.common.Rejection.Kind.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.command.organisation.OrganisationChart.Placement;
import com.salesledger.events.organisation.AddRep;
import com.salesledger.events.organisation.ChangeTeamManagers;
import com.salesledger.events.organisation.EstablishRegion;
import com.salesledger.events.organisation.FormTeam;
import com.salesledger.events.organisation.MoveRep;
import com.salesledger.events.organisation.MoveTeam;
import com.salesledger.events.organisation.RegionEstablished;
import com.salesledger.events.organisation.RepJoined;
import com.salesledger.events.organisation.RepMoved;
import com.salesledger.events.organisation.TeamFormed;
import com.salesledger.events.organisation.TeamManagersChanged;
import com.salesledger.events.organisation.TeamMoved;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The organisation's rules: what may be established, placed and moved, from which dates. */
class OrganisationTest {

  private static final Map<String, Object> ADMIN = caller("admin", "ADMIN");
  private static final LocalDate Y2020 = LocalDate.of(2020, 1, 1);
  private static final LocalDate MID_2025 = LocalDate.of(2025, 7, 1);

  private static final RegionEstablished NORTH = new RegionEstablished("north", "North", Y2020);
  private static final RegionEstablished SOUTH =
      new RegionEstablished("south", "South", LocalDate.of(2024, 1, 1));
  private static final TeamFormed NORTH_1 =
      new TeamFormed("north-1", "north", "North 1", List.of("manager1"), Y2020);
  private static final TeamFormed NORTH_2 =
      new TeamFormed("north-2", "north", "North 2", List.of(), LocalDate.of(2023, 1, 1));
  private static final RepJoined REP1_JOINED = new RepJoined("rep1", "north-1", Y2020);

  private FixtureConfiguration<Organisation> fixture;

  @BeforeEach
  void setUp() {
    fixture = fixtureFor(Organisation.class);
  }

  @Test
  void an_admin_establishes_a_region_forms_a_team_in_it_and_places_a_rep() {
    fixture
        .given(NORTH)
        .when(new FormTeam("north-1", "north", "North 1", List.of("manager1"), Y2020), ADMIN)
        .expectEvents(NORTH_1);
    fixture
        .given(NORTH, NORTH_1)
        .when(new AddRep("rep1", "north-1", Y2020), ADMIN)
        .expectEvents(REP1_JOINED);
    fixture
        .givenNoPriorActivity()
        .when(new EstablishRegion("north", "North", Y2020), ADMIN)
        .expectEvents(NORTH);
  }

  @Test
  void only_an_admin_changes_the_organisation() {
    fixture
        .givenNoPriorActivity()
        .when(new EstablishRegion("north", "North", Y2020), REP1)
        .expectException(rejected(FORBIDDEN, null))
        .expectNoEvents();
    fixture
        .given(NORTH, NORTH_1, REP1_JOINED)
        .when(new MoveRep("rep1", "north-1", MID_2025, "x"), caller("manager1", "MANAGER"))
        .expectException(rejected(FORBIDDEN, null))
        .expectNoEvents();
  }

  @Test
  void a_duplicate_region_team_or_rep_is_a_conflict() {
    fixture
        .given(NORTH)
        .when(new EstablishRegion("north", "Again", Y2020), ADMIN)
        .expectException(rejected(CONFLICT, null, "north"));
    fixture
        .given(NORTH, NORTH_1)
        .when(new FormTeam("north-1", "north", "Again", List.of(), Y2020), ADMIN)
        .expectException(rejected(CONFLICT, null, "north-1"));
    fixture
        .given(NORTH, NORTH_1, REP1_JOINED)
        .when(new AddRep("rep1", "north-1", Y2020), ADMIN)
        .expectException(rejected(CONFLICT, null, "move them instead"));
  }

  @Test
  void a_team_in_an_unknown_region_or_before_the_region_existed_is_refused() {
    fixture
        .given(NORTH)
        .when(new FormTeam("x-1", "nowhere", "X", List.of(), Y2020), ADMIN)
        .expectException(rejected(RULE, "regionId", "nowhere"))
        .expectNoEvents();
    fixture
        .given(NORTH, SOUTH)
        .when(new FormTeam("south-1", "south", "South 1", List.of(), Y2020), ADMIN)
        .expectException(rejected(RULE, "regionId", "only from 2024-01-01"))
        .expectNoEvents();
  }

  @Test
  void a_rep_into_an_unknown_team_or_before_the_team_existed_is_refused() {
    fixture
        .given(NORTH, NORTH_1)
        .when(new AddRep("rep1", "north-9", Y2020), ADMIN)
        .expectException(rejected(RULE, "teamId", "north-9"));
    fixture
        .given(NORTH, NORTH_1, NORTH_2)
        .when(new AddRep("rep2", "north-2", Y2020), ADMIN)
        .expectException(rejected(RULE, "teamId", "only from 2023-01-01"));
  }

  @Test
  void a_rep_moves_to_another_team_from_a_date() {
    fixture
        .given(NORTH, NORTH_1, NORTH_2, REP1_JOINED)
        .when(new MoveRep("rep1", "north-2", MID_2025, "promotion"), ADMIN)
        .expectEvents(new RepMoved("rep1", "north-1", "north-2", MID_2025, "promotion"));
  }

  @Test
  void a_move_before_the_rep_joined_or_of_an_unknown_rep_is_refused() {
    fixture
        .given(NORTH, NORTH_1, NORTH_2, REP1_JOINED)
        .when(new MoveRep("rep1", "north-2", LocalDate.of(2019, 6, 1), "early"), ADMIN)
        .expectException(rejected(RULE, "effectiveFrom", "2020-01-01"));
    fixture
        .given(NORTH, NORTH_1)
        .when(new MoveRep("ghost", "north-1", MID_2025, "x"), ADMIN)
        .expectException(rejected(NOT_FOUND, null, "ghost"));
    fixture
        .given(NORTH, NORTH_1, REP1_JOINED)
        .when(new MoveRep("rep1", "north-1", MID_2025, "same"), ADMIN)
        .expectException(rejected(CONFLICT, null, "already in team north-1"));
  }

  @Test
  void a_team_moves_to_another_region_but_not_before_it_was_formed_or_the_region_existed() {
    fixture
        .given(NORTH, SOUTH, NORTH_1)
        .when(new MoveTeam("north-1", "south", MID_2025, "reorganisation"), ADMIN)
        .expectEvents(new TeamMoved("north-1", "north", "south", MID_2025, "reorganisation"));
    fixture
        .given(NORTH, SOUTH, NORTH_1)
        .when(new MoveTeam("north-1", "south", LocalDate.of(2023, 1, 1), "early"), ADMIN)
        .expectException(rejected(RULE, "regionId", "only from 2024-01-01"));
    fixture
        .given(NORTH, SOUTH, NORTH_2)
        .when(new MoveTeam("north-2", "south", LocalDate.of(2022, 1, 1), "early"), ADMIN)
        .expectException(rejected(RULE, "effectiveFrom", "2023-01-01"));
    fixture
        .given(NORTH)
        .when(new MoveTeam("north-7", "north", MID_2025, "x"), ADMIN)
        .expectException(rejected(NOT_FOUND, null, "north-7"));
  }

  @Test
  void a_teams_managers_change_from_a_date() {
    fixture
        .given(NORTH, NORTH_1)
        .when(
            new ChangeTeamManagers("north-1", List.of("manager2", "manager1"), MID_2025, "cover"),
            ADMIN)
        .expectEvents(
            new TeamManagersChanged(
                "north-1",
                List.of("manager1"),
                List.of("manager1", "manager2"),
                MID_2025,
                "cover"));
    fixture
        .given(NORTH, NORTH_1)
        .when(new ChangeTeamManagers("north-1", List.of("manager1"), MID_2025, "same"), ADMIN)
        .expectException(rejected(CONFLICT, null, "already has these managers"));
  }

  @Test
  void the_timeline_answers_as_of_a_date_with_moves_and_nesting() {
    OrganisationTimeline timeline =
        OrganisationTimeline.of(
            List.of(
                NORTH,
                SOUTH,
                NORTH_1,
                NORTH_2,
                REP1_JOINED,
                new RepMoved("rep1", "north-1", "north-2", MID_2025, "promotion"),
                new TeamMoved("north-2", "north", "south", LocalDate.of(2026, 1, 1), "reorg"),
                new TeamManagersChanged(
                    "north-2", List.of(), List.of("manager1"), MID_2025, "cover"),
                // recorded later, effective earlier: slots in before the 2025 move
                new RepMoved("rep1", "north-1", "north-2", LocalDate.of(2024, 3, 1), "early")));
    assertThat(timeline.placementOf("rep1", LocalDate.of(2023, 12, 31)))
        .contains(new Placement("north-1", "north"));
    assertThat(timeline.placementOf("rep1", LocalDate.of(2024, 3, 1)))
        .contains(new Placement("north-2", "north"));
    assertThat(timeline.placementOf("rep1", LocalDate.of(2026, 2, 1)))
        .contains(new Placement("north-2", "south"));
    assertThat(timeline.placementOf("rep1", LocalDate.of(2019, 12, 31))).isEmpty();
    assertThat(timeline.placementOf("nobody", MID_2025)).isEqualTo(Optional.empty());
    assertThat(timeline.regions(LocalDate.of(2023, 1, 1))).containsExactly("north");
    assertThat(timeline.teamsOf("north", LocalDate.of(2025, 12, 31)))
        .containsExactly("north-1", "north-2");
    assertThat(timeline.teamsOf("south", LocalDate.of(2026, 1, 1))).containsExactly("north-2");
    assertThat(timeline.repsOf("north-1", LocalDate.of(2024, 2, 29))).containsExactly("rep1");
    assertThat(timeline.repsOf("north-1", MID_2025)).isEmpty();
    assertThat(timeline.teamsManagedBy("manager1", LocalDate.of(2025, 6, 30)))
        .isEqualTo(Set.of("north-1"));
    assertThat(timeline.teamsManagedBy("manager1", MID_2025))
        .isEqualTo(Set.of("north-1", "north-2"));
  }
}
