package com.salesledger.command.deal;

import static com.salesledger.command.LedgerFixture.DEAL;
import static com.salesledger.command.LedgerFixture.MANAGER;
import static com.salesledger.command.LedgerFixture.REP1;
import static com.salesledger.command.LedgerFixture.REP2;
import static com.salesledger.command.LedgerFixture.TODAY;
import static com.salesledger.command.LedgerFixture.caller;
import static com.salesledger.command.LedgerFixture.dealLost;
import static com.salesledger.command.LedgerFixture.dealOpened;
import static com.salesledger.command.LedgerFixture.dealWon;
import static com.salesledger.command.LedgerFixture.fixtureFor;
import static com.salesledger.command.LedgerFixture.money;
import static com.salesledger.command.common.Rejections.rejected;
import static com.salesledger.events.common.Rejection.Kind.CONFLICT;
import static com.salesledger.events.common.Rejection.Kind.FORBIDDEN;
import static com.salesledger.events.common.Rejection.Kind.INVALID;
import static com.salesledger.events.common.Rejection.Kind.RULE;

import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.command.common.Rejections;
import com.salesledger.events.deal.ChangeDealStage;
import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealReassigned;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.DealStageChanged;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.deal.LoseDeal;
import com.salesledger.events.deal.OpenDeal;
import com.salesledger.events.deal.ReassignDeal;
import com.salesledger.events.deal.WinDeal;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of a deal, from opening to won or lost, as a specification. */
class DealTest {

  private static final LocalDate OPENED_ON = LocalDate.of(2026, 6, 1);
  private static final LocalDate EXPECTED_CLOSE = LocalDate.of(2026, 7, 31);
  private static final LocalDate CLOSED_ON = LocalDate.of(2026, 6, 20);

  private FixtureConfiguration<Deal> fixture;

  @BeforeEach
  void setUp() {
    fixture = fixtureFor(Deal.class);
  }

  /** rep1's open deal in team-a, region north, opened on 2026-06-01 in stage LEAD. */
  private static DealOpened opened() {
    return opened(DealStage.LEAD);
  }

  private static DealOpened opened(DealStage stage) {
    return dealOpened("1000.00", EXPECTED_CLOSE, OPENED_ON, stage);
  }

  private static DealWon won() {
    return dealWon("900.00", "600.00", OPENED_ON, CLOSED_ON);
  }

  private static DealLost lost() {
    return dealLost("went with a competitor", OPENED_ON, CLOSED_ON);
  }

  private static OpenDeal openDeal(
      String owner, BigDecimal amount, LocalDate expectedClose, LocalDate openedOn) {
    return new OpenDeal(
        DEAL,
        "cust-1",
        owner,
        "team-a",
        "north",
        "software",
        amount,
        "EUR",
        expectedClose,
        openedOn,
        null);
  }

  private static OpenDeal openDeal(BigDecimal amount) {
    return openDeal("rep1", amount, EXPECTED_CLOSE, OPENED_ON);
  }

  private static WinDeal win(String finalAmount, String cost, LocalDate closeDate) {
    return new WinDeal(DEAL, money(finalAmount), money(cost), closeDate, null);
  }

  private static WinDeal win() {
    return win("900.00", "600.00", CLOSED_ON);
  }

  private static LoseDeal lose(LocalDate closeDate) {
    return new LoseDeal(DEAL, "went with a competitor", closeDate, null);
  }

  @Nested
  class Opening {

    @Test
    void a_rep_opens_a_deal_for_themselves_and_it_starts_as_a_lead() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal(money("1000.00")), REP1)
          .expectSuccessfulHandlerExecution()
          .expectResultMessagePayload(DEAL)
          .expectEvents(opened(DealStage.LEAD));
    }

    @Test
    void a_deal_may_be_opened_in_a_later_stage() {
      OpenDeal command =
          new OpenDeal(
              DEAL,
              "cust-1",
              "rep1",
              "team-a",
              "north",
              "software",
              money("1000.00"),
              "EUR",
              EXPECTED_CLOSE,
              OPENED_ON,
              DealStage.PROPOSAL);
      fixture.givenNoPriorActivity().when(command, REP1).expectEvents(opened(DealStage.PROPOSAL));
    }

    @Test
    void a_deal_without_team_and_region_takes_them_from_the_organisation_on_the_open_date() {
      OpenDeal command =
          new OpenDeal(
              DEAL,
              "cust-1",
              "rep1",
              null,
              null,
              "software",
              money("1000.00"),
              "EUR",
              EXPECTED_CLOSE,
              OPENED_ON,
              null);
      fixture.givenNoPriorActivity().when(command, REP1).expectEvents(opened());
    }

    @Test
    void a_team_other_than_the_owners_on_the_open_date_is_refused_naming_the_team() {
      OpenDeal command =
          new OpenDeal(
              DEAL,
              "cust-1",
              "rep1",
              "team-b",
              null,
              "software",
              money("1000.00"),
              "EUR",
              EXPECTED_CLOSE,
              OPENED_ON,
              null);
      fixture
          .givenNoPriorActivity()
          .when(command, REP1)
          .expectException(rejected(RULE, "team", "must be team-a"))
          .expectNoEvents();
    }

    @Test
    void a_region_other_than_the_owners_teams_is_refused_naming_the_region() {
      OpenDeal command =
          new OpenDeal(
              DEAL,
              "cust-1",
              "rep1",
              "team-a",
              "south",
              "software",
              money("1000.00"),
              "EUR",
              EXPECTED_CLOSE,
              OPENED_ON,
              null);
      fixture
          .givenNoPriorActivity()
          .when(command, REP1)
          .expectException(rejected(RULE, "region", "must be north"))
          .expectNoEvents();
    }

    @Test
    void a_deal_for_a_rep_the_organisation_does_not_know_is_refused() {
      fixture
          .givenNoPriorActivity()
          .when(
              openDeal("nobody", money("1000.00"), EXPECTED_CLOSE, OPENED_ON), caller("x", "ADMIN"))
          .expectException(rejected(RULE, "ownerRep", "nobody"))
          .expectNoEvents();
    }

    @Test
    void a_deal_opened_before_the_rep_joined_is_refused() {
      fixture
          .givenNoPriorActivity()
          .when(
              openDeal("rep1", money("1000.00"), EXPECTED_CLOSE, LocalDate.of(2019, 12, 31)), REP1)
          .expectException(rejected(RULE, "ownerRep", "2019-12-31"))
          .expectNoEvents();
    }

    @Test
    void a_manager_opens_deals_only_for_the_teams_they_manage() {
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenDeal(
                  DEAL,
                  "cust-1",
                  "rep3",
                  null,
                  null,
                  "software",
                  money("1000.00"),
                  "EUR",
                  EXPECTED_CLOSE,
                  OPENED_ON,
                  null),
              MANAGER)
          .expectException(rejected(FORBIDDEN, null))
          .expectNoEvents();
    }

    @Test
    void a_deal_opened_without_an_open_date_is_opened_today() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal("rep1", money("1000.00"), EXPECTED_CLOSE, null), REP1)
          .expectEvents(
              new DealOpened(
                  DEAL,
                  "cust-1",
                  "rep1",
                  "team-a",
                  "north",
                  "software",
                  money("1000.00"),
                  "EUR",
                  EXPECTED_CLOSE,
                  TODAY,
                  DealStage.LEAD));
    }

    @Test
    void a_rep_cannot_open_a_deal_for_another_rep() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal("rep1", money("1000.00"), EXPECTED_CLOSE, OPENED_ON), REP2)
          .expectException(Rejected.class)
          .expectException(rejected(FORBIDDEN, null, "only within your own scope"))
          .expectNoEvents();
    }

    @Test
    void a_manager_may_open_a_deal_for_any_rep() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal(money("1000.00")), MANAGER)
          .expectEvents(opened());
    }

    @Test
    void a_rep_who_also_has_a_wider_role_may_open_a_deal_for_another_rep() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal(money("1000.00")), caller("boss", "REP, MANAGER"))
          .expectEvents(opened());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1.00"})
    void the_amount_must_be_greater_than_zero(String amount) {
      fixture
          .givenNoPriorActivity()
          .when(openDeal(money(amount)), REP1)
          .expectException(rejected(INVALID, "amount", "must be greater than 0"))
          .expectNoEvents();
    }

    @Test
    void the_amount_is_required() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal(null), REP1)
          .expectException(rejected(INVALID, "amount", "is required"))
          .expectNoEvents();
    }

    @Test
    void the_amount_may_have_at_most_two_decimal_places() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal(money("1000.005")), REP1)
          .expectException(rejected(INVALID, "amount", "at most 2 decimal places"))
          .expectNoEvents();
    }

    @Test
    void trailing_zeros_beyond_two_decimal_places_are_not_extra_precision() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal(money("1000.000")), REP1)
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_amount_must_be_less_than_a_trillion() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal(money("1000000000000")), REP1)
          .expectException(rejected(INVALID, "amount", "less than 1,000,000,000,000"))
          .expectNoEvents();
    }

    @Test
    void the_expected_close_date_must_not_be_before_the_open_date() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal("rep1", money("1000.00"), OPENED_ON.minusDays(1), OPENED_ON), REP1)
          .expectException(rejected(INVALID, "expectedCloseDate", "before the open date"))
          .expectNoEvents();
    }

    @Test
    void the_expected_close_date_may_be_the_open_date() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal("rep1", money("1000.00"), OPENED_ON, OPENED_ON), REP1)
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_expected_close_date_is_compared_with_today_when_no_open_date_is_given() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal("rep1", money("1000.00"), TODAY.minusDays(1), null), REP1)
          .expectException(rejected(INVALID, "expectedCloseDate", "before the open date " + TODAY))
          .expectNoEvents();
    }

    @Test
    void a_deal_cannot_be_opened_in_the_future() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal("rep1", money("1000.00"), EXPECTED_CLOSE, TODAY.plusDays(1)), REP1)
          .expectException(rejected(INVALID, "openedOn", "must not be in the future"))
          .expectNoEvents();
    }

    @Test
    void a_deal_may_be_opened_today() {
      fixture
          .givenNoPriorActivity()
          .when(openDeal("rep1", money("1000.00"), EXPECTED_CLOSE, TODAY), REP1)
          .expectSuccessfulHandlerExecution();
    }
  }

  @Nested
  class ChangingStage {

    @Test
    void the_owner_moves_the_deal_to_another_stage() {
      fixture
          .given(opened())
          .when(new ChangeDealStage(DEAL, DealStage.QUALIFIED, null), REP1)
          .expectEvents(new DealStageChanged(DEAL, DealStage.LEAD, DealStage.QUALIFIED))
          .expectResultMessagePayload(new CommandResult(DEAL, 1));
    }

    @Test
    void a_deal_may_move_back_to_an_earlier_stage() {
      fixture
          .given(opened(DealStage.NEGOTIATION))
          .when(new ChangeDealStage(DEAL, DealStage.QUALIFIED, null), REP1)
          .expectEvents(new DealStageChanged(DEAL, DealStage.NEGOTIATION, DealStage.QUALIFIED));
    }

    @Test
    void moving_a_deal_to_the_stage_it_is_in_is_a_conflict() {
      fixture
          .given(opened(), new DealStageChanged(DEAL, DealStage.LEAD, DealStage.PROPOSAL))
          .when(new ChangeDealStage(DEAL, DealStage.PROPOSAL, null), REP1)
          .expectException(rejected(CONFLICT, null, "already in stage PROPOSAL"))
          .expectNoEvents();
    }

    @Test
    void to_a_rep_another_reps_deal_is_unknown_when_changing_its_stage() {
      fixture
          .given(opened())
          .when(new ChangeDealStage(DEAL, DealStage.QUALIFIED, null), REP2)
          .expectException(Rejections.unknown(DEAL))
          .expectNoEvents();
    }

    @Test
    void a_manager_may_change_the_stage_of_any_reps_deal() {
      fixture
          .given(opened())
          .when(new ChangeDealStage(DEAL, DealStage.QUALIFIED, null), MANAGER)
          .expectEvents(new DealStageChanged(DEAL, DealStage.LEAD, DealStage.QUALIFIED));
    }

    @Test
    void the_stage_of_a_won_deal_cannot_change() {
      fixture
          .given(opened(), won())
          .when(new ChangeDealStage(DEAL, DealStage.QUALIFIED, null), REP1)
          .expectException(rejected(CONFLICT, null, "it is already WON"))
          .expectNoEvents();
    }

    @Test
    void the_stage_of_a_lost_deal_cannot_change() {
      fixture
          .given(opened(), lost())
          .when(new ChangeDealStage(DEAL, DealStage.QUALIFIED, null), REP1)
          .expectException(rejected(CONFLICT, null, "it is already LOST"))
          .expectNoEvents();
    }
  }

  @Nested
  class Reassigning {

    @Test
    void a_rep_cannot_reassign_even_their_own_deal() {
      fixture
          .given(opened())
          .when(new ReassignDeal(DEAL, "rep2", "team-b", null, "swap", null), REP1)
          .expectNoEvents()
          .expectException(rejected(FORBIDDEN, null));
    }

    @Test
    void a_command_without_an_authenticated_user_is_refused() {
      fixture
          .given(opened())
          .when(new ReassignDeal(DEAL, "rep2", "team-b", null, "swap", null))
          .expectNoEvents()
          .expectException(rejected(FORBIDDEN, null));
    }

    @Test
    void a_reassignment_records_the_owner_before_and_after() {
      fixture
          .given(opened())
          .when(new ReassignDeal(DEAL, "rep3", "team-b", "north", "rep1 left", null), MANAGER)
          .expectEvents(
              new DealReassigned(
                  DEAL, "rep1", "team-a", "north", "rep3", "team-b", "north", "rep1 left"))
          .expectResultMessagePayload(new CommandResult(DEAL, 1));
    }

    @Test
    void a_reassignment_without_team_and_region_takes_them_from_the_new_owners_place_today() {
      fixture
          .given(opened())
          .when(new ReassignDeal(DEAL, "rep4", null, null, "territory change", null), MANAGER)
          .expectEvents(
              new DealReassigned(
                  DEAL, "rep1", "team-a", "north", "rep4", "team-s", "south", "territory change"));
    }

    @Test
    void a_team_the_new_owner_is_not_in_is_refused_naming_the_team() {
      fixture
          .given(opened())
          .when(new ReassignDeal(DEAL, "rep2", "team-b", null, "swap", null), MANAGER)
          .expectException(rejected(RULE, "team", "must be team-a"))
          .expectNoEvents();
    }

    @Test
    void a_region_other_than_the_new_owners_is_refused_naming_the_region() {
      fixture
          .given(opened())
          .when(new ReassignDeal(DEAL, "rep3", "team-b", "south", "swap", null), MANAGER)
          .expectException(rejected(RULE, "region", "must be north"))
          .expectNoEvents();
    }

    @Test
    void a_new_owner_the_organisation_does_not_know_is_refused() {
      fixture
          .given(opened())
          .when(new ReassignDeal(DEAL, "stranger", null, null, "swap", null), MANAGER)
          .expectException(rejected(RULE, "ownerRep", "stranger"))
          .expectNoEvents();
    }

    @Test
    void a_manager_of_another_team_cannot_see_the_deal_to_reassign_it() {
      fixture
          .given(opened())
          .when(
              new ReassignDeal(DEAL, "rep3", null, null, "mine now", null),
              caller("other-boss", "MANAGER"))
          .expectException(Rejections.unknown(DEAL))
          .expectNoEvents();
    }

    @Test
    void reassigning_to_the_same_owner_team_and_region_is_a_conflict() {
      fixture
          .given(opened())
          .when(new ReassignDeal(DEAL, "rep1", "team-a", "north", "no change", null), MANAGER)
          .expectException(rejected(CONFLICT, null, "already owned by rep1 in team team-a"))
          .expectNoEvents();
    }

    @Test
    void reassigning_to_the_same_owner_without_team_and_region_is_a_conflict() {
      fixture
          .given(opened())
          .when(new ReassignDeal(DEAL, "rep1", null, null, "no change", null), MANAGER)
          .expectException(rejected(CONFLICT, null, "already owned by rep1"))
          .expectNoEvents();
    }

    @Test
    void a_reassignment_compares_with_the_current_owner_not_the_original_one() {
      fixture
          .given(
              opened(),
              new DealReassigned(
                  DEAL, "rep1", "team-a", "north", "rep3", "team-b", "north", "rep1 left"))
          .when(new ReassignDeal(DEAL, "rep3", "team-b", null, "again", null), caller("x", "ADMIN"))
          .expectException(rejected(CONFLICT, null, "already owned by rep3 in team team-b"))
          .expectNoEvents();
    }

    @Test
    void a_won_deal_cannot_be_reassigned() {
      fixture
          .given(opened(), won())
          .when(new ReassignDeal(DEAL, "rep2", "team-b", null, "rep1 left", null), MANAGER)
          .expectException(rejected(CONFLICT, null, "Cannot reassign deal deal-1"))
          .expectNoEvents();
    }

    @Test
    void a_lost_deal_cannot_be_reassigned() {
      fixture
          .given(opened(), lost())
          .when(new ReassignDeal(DEAL, "rep2", "team-b", null, "rep1 left", null), MANAGER)
          .expectException(rejected(CONFLICT, null, "it is already LOST"))
          .expectNoEvents();
    }
  }

  @Nested
  class Winning {

    @Test
    void the_owner_wins_the_deal_with_its_final_amount_cost_and_close_date() {
      fixture
          .given(opened())
          .when(win(), REP1)
          .expectEvents(won())
          .expectResultMessagePayload(new CommandResult(DEAL, 1));
    }

    @Test
    void revenue_goes_to_the_team_the_owner_belongs_to_on_the_close_date_not_the_deals_old_team() {
      // The deal still names team-a, but the organisation has rep4 in team-s (south) on the close
      // date: a rep who moved while the deal was open takes its revenue along.
      fixture
          .given(
              opened(),
              new DealReassigned(
                  DEAL, "rep1", "team-a", "north", "rep4", "team-a", "north", "cover"))
          .when(win(), caller("x", "ADMIN"))
          .expectEvents(
              new DealWon(
                  DEAL,
                  "cust-1",
                  "rep4",
                  "team-s",
                  "south",
                  "software",
                  money("900.00"),
                  money("600.00"),
                  "EUR",
                  OPENED_ON,
                  CLOSED_ON));
    }

    @Test
    void revenue_is_credited_to_the_owner_team_and_region_at_win_time() {
      fixture
          .given(
              opened(),
              new DealReassigned(
                  DEAL, "rep1", "team-a", "north", "rep3", "team-b", "north", "rep1 left"))
          .when(win(), caller("x", "ADMIN"))
          .expectEvents(
              new DealWon(
                  DEAL,
                  "cust-1",
                  "rep3",
                  "team-b",
                  "north",
                  "software",
                  money("900.00"),
                  money("600.00"),
                  "EUR",
                  OPENED_ON,
                  CLOSED_ON));
    }

    @Test
    void to_a_rep_another_reps_deal_is_unknown_when_winning_it() {
      fixture
          .given(opened())
          .when(win(), REP2)
          .expectException(Rejections.unknown(DEAL))
          .expectNoEvents();
    }

    @Test
    void to_a_rep_a_deal_reassigned_away_from_them_is_unknown() {
      fixture
          .given(
              opened(),
              new DealReassigned(
                  DEAL, "rep1", "team-a", "north", "rep2", "team-b", "north", "rep1 left"))
          .when(win(), REP1)
          .expectException(Rejections.unknown(DEAL))
          .expectNoEvents();
    }

    @Test
    void a_manager_may_win_any_reps_deal() {
      fixture.given(opened()).when(win(), MANAGER).expectEvents(won());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-900.00"})
    void the_final_amount_must_be_greater_than_zero(String finalAmount) {
      fixture
          .given(opened())
          .when(win(finalAmount, "600.00", CLOSED_ON), REP1)
          .expectException(rejected(INVALID, "finalAmount", "must be greater than 0"))
          .expectNoEvents();
    }

    @Test
    void the_final_amount_may_have_at_most_two_decimal_places() {
      fixture
          .given(opened())
          .when(win("900.001", "600.00", CLOSED_ON), REP1)
          .expectException(rejected(INVALID, "finalAmount", "at most 2 decimal places"))
          .expectNoEvents();
    }

    @Test
    void the_cost_must_not_be_negative() {
      fixture
          .given(opened())
          .when(win("900.00", "-0.01", CLOSED_ON), REP1)
          .expectException(rejected(INVALID, "cost", "must not be negative"))
          .expectNoEvents();
    }

    @Test
    void the_cost_may_have_at_most_two_decimal_places() {
      fixture
          .given(opened())
          .when(win("900.00", "600.001", CLOSED_ON), REP1)
          .expectException(rejected(INVALID, "cost", "at most 2 decimal places"))
          .expectNoEvents();
    }

    @Test
    void a_deal_may_be_won_at_no_cost() {
      fixture
          .given(opened())
          .when(win("900.00", "0", CLOSED_ON), REP1)
          .expectEvents(
              new DealWon(
                  DEAL,
                  "cust-1",
                  "rep1",
                  "team-a",
                  "north",
                  "software",
                  money("900.00"),
                  money("0"),
                  "EUR",
                  OPENED_ON,
                  CLOSED_ON));
    }

    @Test
    void the_cost_may_exceed_the_final_amount_a_loss_making_deal() {
      fixture
          .given(opened())
          .when(win("900.00", "1200.00", CLOSED_ON), REP1)
          .expectEvents(
              new DealWon(
                  DEAL,
                  "cust-1",
                  "rep1",
                  "team-a",
                  "north",
                  "software",
                  money("900.00"),
                  money("1200.00"),
                  "EUR",
                  OPENED_ON,
                  CLOSED_ON));
    }

    @Test
    void a_win_cannot_be_dated_before_the_open_date() {
      fixture
          .given(opened())
          .when(win("900.00", "600.00", OPENED_ON.minusDays(1)), REP1)
          .expectException(rejected(INVALID, "closeDate", "before the open date " + OPENED_ON))
          .expectNoEvents();
    }

    @Test
    void a_deal_may_be_won_on_the_day_it_was_opened() {
      fixture
          .given(opened())
          .when(win("900.00", "600.00", OPENED_ON), REP1)
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_win_cannot_be_dated_in_the_future() {
      fixture
          .given(opened())
          .when(win("900.00", "600.00", TODAY.plusDays(1)), REP1)
          .expectException(rejected(INVALID, "closeDate", "must not be in the future"))
          .expectNoEvents();
    }

    @Test
    void a_deal_may_be_won_today() {
      fixture
          .given(opened())
          .when(win("900.00", "600.00", TODAY), REP1)
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_won_deal_cannot_be_won_again() {
      fixture
          .given(opened(), won())
          .when(win(), REP1)
          .expectException(rejected(CONFLICT, null, "Cannot win deal deal-1: it is already WON"))
          .expectNoEvents();
    }

    @Test
    void a_lost_deal_cannot_be_won() {
      fixture
          .given(opened(), lost())
          .when(win(), REP1)
          .expectException(rejected(CONFLICT, null, "Cannot win deal deal-1: it is already LOST"))
          .expectNoEvents();
    }
  }

  @Nested
  class Losing {

    @Test
    void the_owner_loses_the_deal_with_a_reason_and_the_attribution_at_close_time() {
      fixture
          .given(opened())
          .when(lose(CLOSED_ON), REP1)
          .expectEvents(lost())
          .expectResultMessagePayload(new CommandResult(DEAL, 1));
    }

    @Test
    void a_lost_deal_is_attributed_to_its_owner_at_close_time() {
      fixture
          .given(
              opened(),
              new DealReassigned(
                  DEAL, "rep1", "team-a", "north", "rep3", "team-b", "north", "rep1 left"))
          .when(lose(CLOSED_ON), caller("x", "ADMIN"))
          .expectEvents(
              new DealLost(
                  DEAL,
                  "cust-1",
                  "rep3",
                  "team-b",
                  "north",
                  "software",
                  "went with a competitor",
                  OPENED_ON,
                  CLOSED_ON));
    }

    @Test
    void to_a_rep_another_reps_deal_is_unknown_when_losing_it() {
      fixture
          .given(opened())
          .when(lose(CLOSED_ON), REP2)
          .expectException(Rejections.unknown(DEAL))
          .expectNoEvents();
    }

    @Test
    void a_loss_cannot_be_dated_before_the_open_date() {
      fixture
          .given(opened())
          .when(lose(OPENED_ON.minusDays(1)), REP1)
          .expectException(rejected(INVALID, "closeDate", "before the open date " + OPENED_ON))
          .expectNoEvents();
    }

    @Test
    void a_loss_cannot_be_dated_in_the_future() {
      fixture
          .given(opened())
          .when(lose(TODAY.plusDays(1)), REP1)
          .expectException(rejected(INVALID, "closeDate", "must not be in the future"))
          .expectNoEvents();
    }

    @Test
    void a_deal_may_be_lost_on_the_day_it_was_opened() {
      fixture.given(opened()).when(lose(OPENED_ON), REP1).expectSuccessfulHandlerExecution();
    }

    @Test
    void a_deal_may_be_lost_today() {
      fixture.given(opened()).when(lose(TODAY), REP1).expectSuccessfulHandlerExecution();
    }

    @Test
    void a_lost_deal_cannot_be_lost_again() {
      fixture
          .given(opened(), lost())
          .when(lose(CLOSED_ON), REP1)
          .expectException(rejected(CONFLICT, null, "Cannot lose deal deal-1: it is already LOST"))
          .expectNoEvents();
    }

    @Test
    void a_won_deal_cannot_be_lost() {
      fixture
          .given(opened(), won())
          .when(lose(CLOSED_ON), REP1)
          .expectException(rejected(CONFLICT, null, "Cannot lose deal deal-1: it is already WON"))
          .expectNoEvents();
    }
  }
}
