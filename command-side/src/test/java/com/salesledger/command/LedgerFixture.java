package com.salesledger.command;

import com.salesledger.command.common.NoCreditAccounts;
import com.salesledger.command.organisation.OrganisationTimeline;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.organisation.RegionEstablished;
import com.salesledger.events.organisation.RepJoined;
import com.salesledger.events.organisation.TeamFormed;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.platform.security.AccessPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * What the aggregate specifications share: a fixed "today", the callers, and the history of one
 * deal ({@link #DEAL}, rep1's, team-a, north, software, for cust-1, in EUR) and its invoice ({@link
 * #INVOICE}). Each test names only the figures and dates it is about.
 */
public final class LedgerFixture {

  /** "Today" for every handler: the clock is fixed at 2026-06-30 (UTC). */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);

  public static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
  public static final LocalDate SINCE = LocalDate.of(2020, 1, 1);
  public static final String DEAL = "deal-1";
  public static final String INVOICE = "inv-1";

  public static final Map<String, Object> REP1 = caller("rep1", "REP");
  public static final Map<String, Object> REP2 = caller("rep2", "REP");
  public static final Map<String, Object> MANAGER = caller("boss", "MANAGER");
  public static final Map<String, Object> FINANCE = caller("fin1", "FINANCE");

  /**
   * The organisation of the specifications, from 2020-01-01: region north with team-a (managed by
   * boss; reps rep1 and rep2) and team-b (reps rep3), region south with team-s (rep rep4).
   */
  public static final OrganisationTimeline ORGANISATION =
      OrganisationTimeline.of(
          List.of(
              new RegionEstablished("north", "North", SINCE),
              new RegionEstablished("south", "South", SINCE),
              new TeamFormed("team-a", "north", "Team A", List.of("boss"), SINCE),
              new TeamFormed("team-b", "north", "Team B", List.of("other-boss"), SINCE),
              new TeamFormed("team-s", "south", "Team S", List.of(), SINCE),
              new RepJoined("rep1", "team-a", SINCE),
              new RepJoined("rep2", "team-a", SINCE),
              new RepJoined("rep3", "team-b", SINCE),
              new RepJoined("rep4", "team-s", SINCE)));

  private LedgerFixture() {}

  /** An aggregate fixture with the fixed clock and the access policy injected. */
  public static <T> FixtureConfiguration<T> fixtureFor(Class<T> aggregate) {
    FixtureConfiguration<T> fixture = new AggregateTestFixture<>(aggregate);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(new AccessPolicy(ORGANISATION, CLOCK));
    fixture.registerInjectableResource(ORGANISATION);
    fixture.registerInjectableResource(new NoCreditAccounts(TODAY));
    return fixture;
  }

  /** The metadata the HTTP API stamps on a command of this user. */
  public static Map<String, Object> caller(String user, String roles) {
    return Map.of(LedgerMetaData.USER, user, LedgerMetaData.ROLES, roles);
  }

  public static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  public static DealOpened dealOpened(
      String amount, LocalDate expectedClose, LocalDate openedOn, DealStage stage) {
    return new DealOpened(
        DEAL,
        "cust-1",
        "rep1",
        "team-a",
        "north",
        "software",
        money(amount),
        "EUR",
        expectedClose,
        openedOn,
        stage);
  }

  public static DealWon dealWon(
      String finalAmount, String cost, LocalDate openedOn, LocalDate closedOn) {
    return new DealWon(
        DEAL,
        "cust-1",
        "rep1",
        "team-a",
        "north",
        "software",
        money(finalAmount),
        money(cost),
        "EUR",
        openedOn,
        closedOn);
  }

  public static DealLost dealLost(String reason, LocalDate openedOn, LocalDate closedOn) {
    return new DealLost(
        DEAL, "cust-1", "rep1", "team-a", "north", "software", reason, openedOn, closedOn);
  }

  public static InvoiceIssued invoiceIssued(String amount, LocalDate issueDate, LocalDate dueDate) {
    return new InvoiceIssued(
        INVOICE,
        DEAL,
        "cust-1",
        "rep1",
        "team-a",
        "north",
        money(amount),
        "EUR",
        issueDate,
        dueDate);
  }
}
