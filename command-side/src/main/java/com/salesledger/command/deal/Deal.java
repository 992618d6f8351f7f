package com.salesledger.command.deal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.salesledger.command.common.Access;
import com.salesledger.command.common.Amounts;
import com.salesledger.command.common.Caller;
import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.command.organisation.OrganisationChart;
import com.salesledger.command.organisation.OrganisationChart.Placement;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.credit.CreditCheck;
import com.salesledger.events.credit.CreditHoldRelease;
import com.salesledger.events.deal.ChangeDealStage;
import com.salesledger.events.deal.DealCreditHoldReleased;
import com.salesledger.events.deal.DealInvoiced;
import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.DealReassigned;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.DealStageChanged;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.deal.LoseDeal;
import com.salesledger.events.deal.OpenDeal;
import com.salesledger.events.deal.ReassignDeal;
import com.salesledger.events.deal.WinDeal;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Actor;
import com.salesledger.platform.security.DataScope;
import com.salesledger.platform.security.Permission;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A deal from opening to won or lost. Holds only what its decisions need: owner (for the rep's
 * own-deals rule), dates (close not before open), status, and how much of a won deal is invoiced.
 */
@Aggregate
public class Deal {

  enum Status {
    OPEN,
    WON,
    LOST,
    /** Won, but failed the credit check: not booked until released. */
    CREDIT_HOLD
  }

  @AggregateIdentifier private String dealId;
  private String customerId;
  private String ownerRep;
  private String team;
  private String region;
  private String productLine;
  private String currency;
  private LocalDate openedOn;
  private DealStage stage;
  private Status status;
  private BigDecimal finalAmount;
  private BigDecimal cost;
  private LocalDate closeDate;
  private BigDecimal invoicedTotal = BigDecimal.ZERO;
  private final Set<String> invoiceIds = new HashSet<>();

  protected Deal() {}

  @CommandHandler
  public Deal(
      OpenDeal command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy,
      Clock clock,
      OrganisationChart chart) {
    Actor actor = Caller.of(user, roles);
    Access.requirePermission(policy, actor, Permission.WORK_ON_DEALS);
    LocalDate openedOn = command.openedOn() != null ? command.openedOn() : LocalDate.now(clock);
    if (openedOn.isAfter(LocalDate.now(clock))) {
      throw Rejected.invalid("openedOn", "must not be in the future");
    }
    Placement placement =
        placed(chart, command.ownerRep(), command.team(), command.region(), openedOn);
    if (!policy.scopeOf(actor).covers(command.ownerRep(), placement.teamId())) {
      throw Rejected.forbidden("You may open deals only within your own scope.");
    }
    Amounts.requirePositive("amount", command.amount());
    if (command.expectedCloseDate().isBefore(openedOn)) {
      throw Rejected.invalid("expectedCloseDate", "must not be before the open date " + openedOn);
    }
    apply(
        new DealOpened(
            command.dealId(),
            command.customerId(),
            command.ownerRep(),
            placement.teamId(),
            placement.regionId(),
            command.productLine(),
            command.amount(),
            command.currency(),
            command.expectedCloseDate(),
            openedOn,
            command.stage() != null ? command.stage() : DealStage.LEAD));
  }

  @CommandHandler
  public CommandResult handle(
      ChangeDealStage command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy) {
    requireInScope(policy, Caller.of(user, roles), Permission.WORK_ON_DEALS);
    requireOpen("change the stage of");
    if (command.stage() == stage) {
      throw Rejected.conflict("The deal is already in stage " + stage + ".");
    }
    apply(new DealStageChanged(dealId, stage, command.stage()));
    return result();
  }

  @CommandHandler
  public CommandResult handle(
      ReassignDeal command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy,
      Clock clock,
      OrganisationChart chart) {
    requireInScope(policy, Caller.of(user, roles), Permission.REASSIGN_DEALS);
    requireOpen("reassign");
    // The new owner's place today: a reassignment takes effect when it is made.
    Placement placement =
        placed(chart, command.ownerRep(), command.team(), command.region(), LocalDate.now(clock));
    String toTeam = placement.teamId();
    String toRegion = placement.regionId();
    if (command.ownerRep().equals(ownerRep) && toTeam.equals(team) && toRegion.equals(region)) {
      throw Rejected.conflict(
          "The deal is already owned by " + ownerRep + " in team " + team + ".");
    }
    apply(
        new DealReassigned(
            dealId,
            ownerRep,
            team,
            region,
            command.ownerRep(),
            toTeam,
            toRegion,
            command.reason()));
    return result();
  }

  /**
   * Winning runs the customer's credit check in the same unit of work (see {@link
   * CreditCheckOnWin}): a deal that passes is won, one that fails is put on credit hold. There is
   * no other way to a {@link DealWon}, so no path skips the check.
   */
  @CommandHandler
  public CommandResult handle(
      WinDeal command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy,
      Clock clock,
      CreditCheckOnWin creditCheck,
      OrganisationChart chart) {
    requireInScope(policy, Caller.of(user, roles), Permission.WORK_ON_DEALS);
    requireOpen("win");
    Amounts.requirePositive("finalAmount", command.finalAmount());
    Amounts.requireNotNegative("cost", command.cost());
    requireCloseDate(command.closeDate(), clock);
    Placement credited = creditedOn(chart, command.closeDate());
    CreditCheck check = creditCheck.check(customerId, dealId, command.finalAmount());
    if (check.passed()) {
      apply(won(command.finalAmount(), command.cost(), command.closeDate(), credited));
    } else {
      apply(
          new DealPutOnCreditHold(
              dealId,
              customerId,
              ownerRep,
              credited.teamId(),
              credited.regionId(),
              productLine,
              command.finalAmount(),
              command.cost(),
              currency,
              openedOn,
              command.closeDate(),
              check));
    }
    return result();
  }

  /**
   * Books a deal held by the credit check, with the figures it was won with. Called by the credit
   * account's handlers in the unit of work that releases the hold there.
   */
  public void releaseFromCreditHold(CreditHoldRelease cause, String reason) {
    if (status != Status.CREDIT_HOLD) {
      throw Rejected.conflict("Deal " + dealId + " is not on credit hold; it is " + status + ".");
    }
    apply(new DealCreditHoldReleased(dealId, customerId, cause, reason));
    apply(won(finalAmount, cost, closeDate, new Placement(team, region)));
  }

  /**
   * Revenue is credited to the team and region the owner belonged to on the close date (DESIGN.md:
   * "at win time"): a rep who moved while the deal was open takes it along. Once won, the event
   * carries that team for good, so later moves never re-credit it. A rep the organisation does not
   * place on that day (a retroactive change) keeps the deal where it is.
   */
  private Placement creditedOn(OrganisationChart chart, LocalDate closeDate) {
    return chart.placementOf(ownerRep, closeDate).orElse(new Placement(team, region));
  }

  /**
   * Where the organisation places {@code rep} on {@code on}; a team or region given in the request
   * must be that one (a deal cannot be credited somewhere its owner does not belong).
   */
  private static Placement placed(
      OrganisationChart chart, String rep, String team, String region, LocalDate on) {
    Placement placement =
        chart
            .placementOf(rep, on)
            .orElseThrow(
                () ->
                    Rejected.rule(
                        "ownerRep", "names no rep of the organisation on " + on + ": " + rep));
    if (team != null && !team.equals(placement.teamId())) {
      throw Rejected.rule(
          "team",
          "must be " + placement.teamId() + ", the team of " + rep + " on " + on + ", not " + team);
    }
    if (region != null && !region.equals(placement.regionId())) {
      throw Rejected.rule(
          "region",
          "must be "
              + placement.regionId()
              + ", the region of "
              + rep
              + "'s team on "
              + on
              + ", not "
              + region);
    }
    return placement;
  }

  private DealWon won(
      BigDecimal amount, BigDecimal dealCost, LocalDate closedOn, Placement credited) {
    return new DealWon(
        dealId,
        customerId,
        ownerRep,
        credited.teamId(),
        credited.regionId(),
        productLine,
        amount,
        dealCost,
        currency,
        openedOn,
        closedOn);
  }

  @CommandHandler
  public CommandResult handle(
      LoseDeal command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy,
      Clock clock) {
    requireInScope(policy, Caller.of(user, roles), Permission.WORK_ON_DEALS);
    requireOpen("lose");
    requireCloseDate(command.closeDate(), clock);
    apply(
        new DealLost(
            dealId,
            customerId,
            ownerRep,
            team,
            region,
            productLine,
            command.reason(),
            openedOn,
            command.closeDate()));
    return result();
  }

  /**
   * Claims part of a won deal's final amount for an invoice. Called by the invoice issuing handler
   * in the same unit of work as the invoice itself, so both happen or neither.
   */
  public InvoiceClaim claimForInvoice(String invoiceId, BigDecimal amount, LocalDate issueDate) {
    if (status != Status.WON) {
      throw Rejected.rule("Deal " + dealId + " is not won; only won deals can be invoiced.");
    }
    if (invoiceIds.contains(invoiceId)) {
      throw Rejected.conflict("Invoice " + invoiceId + " was already issued for this deal.");
    }
    Amounts.requirePositive("amount", amount);
    if (issueDate.isBefore(closeDate)) {
      throw Rejected.invalid("issueDate", "must not be before the deal's close date " + closeDate);
    }
    BigDecimal remaining = finalAmount.subtract(invoicedTotal);
    if (amount.compareTo(remaining) > 0) {
      throw Rejected.rule(
          "Invoice amount "
              + amount.toPlainString()
              + " exceeds what remains to invoice on deal "
              + dealId
              + " ("
              + remaining.toPlainString()
              + " of "
              + finalAmount.toPlainString()
              + ").");
    }
    apply(new DealInvoiced(dealId, invoiceId, amount, invoicedTotal.add(amount)));
    return new InvoiceClaim(dealId, customerId, ownerRep, team, region, currency);
  }

  /** Whether this deal lies within a data scope (for invoicing it on someone's behalf). */
  public boolean isWithin(DataScope scope) {
    return scope.covers(ownerRep, team);
  }

  private void requireInScope(AccessPolicy policy, Actor actor, Permission permission) {
    Access.requireInScope(policy, actor, permission, dealId, ownerRep, team);
  }

  private void requireOpen(String action) {
    if (status != Status.OPEN) {
      throw Rejected.conflict(
          "Cannot " + action + " deal " + dealId + ": it is already " + status + ".");
    }
  }

  private void requireCloseDate(LocalDate closeDate, Clock clock) {
    if (closeDate.isBefore(openedOn)) {
      throw Rejected.invalid("closeDate", "must not be before the open date " + openedOn);
    }
    if (closeDate.isAfter(LocalDate.now(clock))) {
      throw Rejected.invalid("closeDate", "must not be in the future");
    }
  }

  private CommandResult result() {
    return new CommandResult(dealId, AggregateLifecycle.getVersion());
  }

  @EventSourcingHandler
  void on(DealOpened event) {
    dealId = event.dealId();
    customerId = event.customerId();
    ownerRep = event.ownerRep();
    team = event.team();
    region = event.region();
    productLine = event.productLine();
    currency = event.currency();
    openedOn = event.openedOn();
    stage = event.stage();
    status = Status.OPEN;
  }

  @EventSourcingHandler
  void on(DealStageChanged event) {
    stage = event.to();
  }

  @EventSourcingHandler
  void on(DealReassigned event) {
    ownerRep = event.toRep();
    team = event.toTeam();
    region = event.toRegion();
  }

  @EventSourcingHandler
  void on(DealWon event) {
    status = Status.WON;
    team = event.team();
    region = event.region();
    finalAmount = event.finalAmount();
    closeDate = event.closeDate();
  }

  @EventSourcingHandler
  void on(DealPutOnCreditHold event) {
    status = Status.CREDIT_HOLD;
    team = event.team();
    region = event.region();
    finalAmount = event.finalAmount();
    cost = event.cost();
    closeDate = event.closeDate();
  }

  @EventSourcingHandler
  void on(DealLost event) {
    status = Status.LOST;
    closeDate = event.closeDate();
  }

  @EventSourcingHandler
  void on(DealInvoiced event) {
    invoiceIds.add(event.invoiceId());
    invoicedTotal = event.invoicedTotal();
  }
}
