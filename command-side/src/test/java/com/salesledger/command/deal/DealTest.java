package com.salesledger.command.deal;

import static com.salesledger.command.RejectionMatchers.rejected;
import static com.salesledger.command.deal.DealHistory.opened;
import static com.salesledger.command.deal.DealHistory.won;

import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.common.Rejection.Kind;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of a deal, from opening to won or lost. "Today" is 2026-06-30. */
class DealTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
  static final Map<String, ?> REP1 =
      Map.of(LedgerMetaData.USER, "rep1", LedgerMetaData.ROLES, "REP");
  static final Map<String, ?> REP2 =
      Map.of(LedgerMetaData.USER, "rep2", LedgerMetaData.ROLES, "REP");
  static final Map<String, ?> MANAGER =
      Map.of(LedgerMetaData.USER, "manager1", LedgerMetaData.ROLES, "MANAGER");

  private FixtureConfiguration<Deal> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Deal.class);
    fixture.registerInjectableResource(
        Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC));
  }

  static OpenDeal open(String amount, LocalDate openedOn, LocalDate expectedClose) {
    return new OpenDeal(
        "D-1",
        "C-1",
        "rep1",
        "north-1",
        "north",
        "software",
        new BigDecimal(amount),
        "EUR",
        expectedClose,
        openedOn,
        null);
  }

  @Nested
  class Opening {

    @Test
    void a_rep_opens_a_deal_for_themselves_in_stage_lead() {
      fixture
          .givenNoPriorActivity()
          .when(open("1000.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30)), REP1)
          .expectSuccessfulHandlerExecution()
          .expectEvents(opened());
    }

    @Test
    void without_an_open_date_the_deal_opens_today() {
      fixture
          .givenNoPriorActivity()
          .when(open("1000.00", null, LocalDate.of(2026, 9, 30)), REP1)
          .expectEvents(
              new DealOpened(
                  "D-1",
                  "C-1",
                  "rep1",
                  "north-1",
                  "north",
                  "software",
                  new BigDecimal("1000.00"),
                  "EUR",
                  LocalDate.of(2026, 9, 30),
                  TODAY,
                  DealStage.LEAD));
    }

    @Test
    void a_rep_cannot_open_a_deal_for_another_rep() {
      fixture
          .givenNoPriorActivity()
          .when(open("1000.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30)), REP2)
          .expectNoEvents()
          .expectException(rejected(Kind.FORBIDDEN));
    }

    @Test
    void a_manager_opens_a_deal_for_any_rep() {
      fixture
          .givenNoPriorActivity()
          .when(open("1000.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30)), MANAGER)
          .expectEvents(opened());
    }

    @Test
    void the_amount_must_be_positive() {
      fixture
          .givenNoPriorActivity()
          .when(open("0", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30)), REP1)
          .expectNoEvents()
          .expectException(rejected(Kind.INVALID, "amount"));
    }

    @Test
    void the_amount_has_at_most_two_decimals() {
      fixture
          .givenNoPriorActivity()
          .when(open("10.005", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30)), REP1)
          .expectNoEvents()
          .expectException(rejected(Kind.INVALID, "amount"));
    }

    @Test
    void the_expected_close_is_not_before_the_open_date() {
      fixture
          .givenNoPriorActivity()
          .when(open("10", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 28)), REP1)
          .expectNoEvents()
          .expectException(rejected(Kind.INVALID, "expectedCloseDate"));
    }

    @Test
    void a_deal_cannot_be_opened_in_the_future() {
      fixture
          .givenNoPriorActivity()
          .when(open("10", TODAY.plusDays(1), LocalDate.of(2026, 12, 31)), REP1)
          .expectNoEvents()
          .expectException(rejected(Kind.INVALID, "openedOn"));
    }
  }

  @Nested
  class Stages {

    @Test
    void the_owner_moves_an_open_deal_to_another_stage() {
      fixture
          .given(opened())
          .when(new ChangeDealStage("D-1", DealStage.PROPOSAL, null), REP1)
          .expectEvents(new DealStageChanged("D-1", DealStage.LEAD, DealStage.PROPOSAL))
          .expectResultMessagePayload(new CommandResult("D-1", 1));
    }

    @Test
    void moving_to_the_current_stage_is_a_conflict() {
      fixture
          .given(opened())
          .when(new ChangeDealStage("D-1", DealStage.LEAD, null), REP1)
          .expectNoEvents()
          .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void another_rep_cannot_move_the_deal() {
      fixture
          .given(opened())
          .when(new ChangeDealStage("D-1", DealStage.PROPOSAL, null), REP2)
          .expectNoEvents()
          .expectException(rejected(Kind.FORBIDDEN));
    }

    @Test
    void a_closed_deal_has_no_more_stages() {
      fixture
          .given(opened(), won())
          .when(new ChangeDealStage("D-1", DealStage.PROPOSAL, null), MANAGER)
          .expectNoEvents()
          .expectException(rejected(Kind.CONFLICT));
    }
  }

  @Nested
  class Reassigning {

    @Test
    void an_open_deal_moves_to_another_rep_and_keeps_its_region_when_none_is_given() {
      fixture
          .given(opened())
          .when(new ReassignDeal("D-1", "rep2", "north-2", null, "rep1 on leave", null), MANAGER)
          .expectEvents(
              new DealReassigned(
                  "D-1", "rep1", "north-1", "north", "rep2", "north-2", "north", "rep1 on leave"));
    }

    @Test
    void reassigning_to_the_same_owner_team_and_region_is_a_conflict() {
      fixture
          .given(opened())
          .when(new ReassignDeal("D-1", "rep1", "north-1", "north", "no change", null), MANAGER)
          .expectNoEvents()
          .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void a_closed_deal_cannot_be_reassigned() {
      fixture
          .given(opened(), won())
          .when(new ReassignDeal("D-1", "rep2", "north-2", null, "too late", null), MANAGER)
          .expectNoEvents()
          .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void after_reassignment_the_new_owner_is_credited_at_win_time() {
      fixture
          .given(
              opened(),
              new DealReassigned(
                  "D-1", "rep1", "north-1", "north", "rep2", "south-1", "south", "moved"))
          .when(
              new WinDeal(
                  "D-1",
                  new BigDecimal("900.00"),
                  new BigDecimal("400.00"),
                  LocalDate.of(2026, 5, 15),
                  null),
              REP2)
          .expectEvents(
              new DealWon(
                  "D-1",
                  "C-1",
                  "rep2",
                  "south-1",
                  "south",
                  "software",
                  new BigDecimal("900.00"),
                  new BigDecimal("400.00"),
                  "EUR",
                  LocalDate.of(2026, 3, 1),
                  LocalDate.of(2026, 5, 15)));
    }
  }

  @Nested
  class Winning {

    private WinDeal win(String amount, String cost, LocalDate close) {
      return new WinDeal("D-1", new BigDecimal(amount), new BigDecimal(cost), close, null);
    }

    @Test
    void the_owner_wins_the_deal_with_its_attribution_at_win_time() {
      fixture
          .given(opened())
          .when(win("900.00", "400.00", LocalDate.of(2026, 5, 15)), REP1)
          .expectEvents(won())
          .expectResultMessagePayload(new CommandResult("D-1", 1));
    }

    @Test
    void cost_may_exceed_the_final_amount() {
      fixture
          .given(opened())
          .when(win("100.00", "150.00", LocalDate.of(2026, 5, 15)), REP1)
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_final_amount_must_be_positive() {
      fixture
          .given(opened())
          .when(win("0.00", "0", LocalDate.of(2026, 5, 15)), REP1)
          .expectNoEvents()
          .expectException(rejected(Kind.INVALID, "finalAmount"));
    }

    @Test
    void cost_may_be_zero_but_not_negative() {
      fixture
          .given(opened())
          .when(win("10.00", "-0.01", LocalDate.of(2026, 5, 15)), REP1)
          .expectNoEvents()
          .expectException(rejected(Kind.INVALID, "cost"));
    }

    @Test
    void a_deal_cannot_close_before_it_opened() {
      fixture
          .given(opened())
          .when(win("10.00", "0", LocalDate.of(2026, 2, 28)), REP1)
          .expectNoEvents()
          .expectException(rejected(Kind.INVALID, "closeDate"));
    }

    @Test
    void a_deal_cannot_close_in_the_future() {
      fixture
          .given(opened())
          .when(win("10.00", "0", TODAY.plusDays(1)), REP1)
          .expectNoEvents()
          .expectException(rejected(Kind.INVALID, "closeDate"));
    }

    @Test
    void another_rep_cannot_win_the_deal() {
      fixture
          .given(opened())
          .when(win("10.00", "0", LocalDate.of(2026, 5, 15)), REP2)
          .expectNoEvents()
          .expectException(rejected(Kind.FORBIDDEN));
    }

    @Test
    void a_won_deal_cannot_be_won_again() {
      fixture
          .given(opened(), won())
          .when(win("10.00", "0", LocalDate.of(2026, 5, 16)), MANAGER)
          .expectNoEvents()
          .expectException(rejected(Kind.CONFLICT));
    }
  }

  @Nested
  class Losing {

    @Test
    void the_owner_loses_the_deal_with_a_reason() {
      fixture
          .given(opened())
          .when(new LoseDeal("D-1", "price", LocalDate.of(2026, 4, 1), null), REP1)
          .expectEvents(
              new DealLost(
                  "D-1",
                  "C-1",
                  "rep1",
                  "north-1",
                  "north",
                  "software",
                  "price",
                  LocalDate.of(2026, 3, 1),
                  LocalDate.of(2026, 4, 1)));
    }

    @Test
    void a_won_deal_cannot_be_lost() {
      fixture
          .given(opened(), won())
          .when(new LoseDeal("D-1", "changed mind", LocalDate.of(2026, 5, 20), null), MANAGER)
          .expectNoEvents()
          .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void a_lost_deal_cannot_be_won() {
      fixture
          .given(
              opened(),
              new DealLost(
                  "D-1",
                  "C-1",
                  "rep1",
                  "north-1",
                  "north",
                  "software",
                  "price",
                  LocalDate.of(2026, 3, 1),
                  LocalDate.of(2026, 4, 1)))
          .when(
              new WinDeal("D-1", BigDecimal.TEN, BigDecimal.ONE, LocalDate.of(2026, 4, 2), null),
              MANAGER)
          .expectNoEvents()
          .expectException(Rejected.class);
    }

    @Test
    void the_loss_date_follows_the_same_rules_as_a_win() {
      fixture
          .given(opened())
          .when(new LoseDeal("D-1", "price", LocalDate.of(2026, 2, 1), null), REP1)
          .expectNoEvents()
          .expectException(rejected(Kind.INVALID, "closeDate"));
    }

    @Test
    void another_rep_cannot_lose_the_deal() {
      fixture
          .given(opened())
          .when(new LoseDeal("D-1", "price", LocalDate.of(2026, 4, 1), null), REP2)
          .expectNoEvents()
          .expectException(rejected(Kind.FORBIDDEN));
    }
  }
}
