package com.salesledger.command.credit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.salesledger.command.common.Access;
import com.salesledger.command.common.Amounts;
import com.salesledger.command.common.Caller;
import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.credit.ChangeCreditRating;
import com.salesledger.events.credit.ChangePaymentTerms;
import com.salesledger.events.credit.CreditAccountHeld;
import com.salesledger.events.credit.CreditAccountHeldAutomatically;
import com.salesledger.events.credit.CreditAccountIds;
import com.salesledger.events.credit.CreditAccountOpened;
import com.salesledger.events.credit.CreditAccountReleased;
import com.salesledger.events.credit.CreditCheck;
import com.salesledger.events.credit.CreditCheckFailed;
import com.salesledger.events.credit.CreditCheckPassed;
import com.salesledger.events.credit.CreditHoldReason;
import com.salesledger.events.credit.CreditHoldRelease;
import com.salesledger.events.credit.CreditLimitChanged;
import com.salesledger.events.credit.CreditLimitIncreaseRejected;
import com.salesledger.events.credit.CreditLimitIncreaseRequested;
import com.salesledger.events.credit.CreditRating;
import com.salesledger.events.credit.CreditRatingChanged;
import com.salesledger.events.credit.CreditWarning;
import com.salesledger.events.credit.CreditWarningCleared;
import com.salesledger.events.credit.CreditWarningRaised;
import com.salesledger.events.credit.CreditWarningReason;
import com.salesledger.events.credit.EvaluateCreditWarnings;
import com.salesledger.events.credit.HeldDealReleased;
import com.salesledger.events.credit.HoldCreditAccount;
import com.salesledger.events.credit.OpenCreditAccount;
import com.salesledger.events.credit.OverdueInvoice;
import com.salesledger.events.credit.PaymentTermsChanged;
import com.salesledger.events.credit.ReceivableRecorded;
import com.salesledger.events.credit.ReceivableSettled;
import com.salesledger.events.credit.RejectCreditLimitRequest;
import com.salesledger.events.credit.ReleaseCreditAccount;
import com.salesledger.events.credit.RequestCreditLimit;
import com.salesledger.events.credit.SettlementKind;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Actor;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's credit: the account finance opens (rating, limit, payment terms, hold) and the
 * exposure it is checked against. Exposure = open receivables + won deals not yet invoiced; it is
 * kept here, changed in the same unit of work as each win, invoice and settlement, so the credit
 * check of a win always sees every earlier win and two wins at once cannot both use the same room
 * (the second writer of this stream loses and retries).
 *
 * <p>The stream starts with the customer's first won deal or invoice, account or not, so an account
 * opened later knows what the customer already owes.
 */
@Aggregate
public class CreditAccount {

  /** An open invoice as far as credit needs it. */
  private record OpenInvoice(LocalDate dueDate, BigDecimal open) {}

  /** A limit increase waiting for a second person. */
  private record PendingIncrease(BigDecimal requestedLimit, String requestedBy) {}

  @AggregateIdentifier private String accountId;
  private String customerId;
  private boolean opened;
  private BigDecimal limit;
  private CreditRating rating;
  private boolean onHold;
  private final TreeMap<LocalDate, Integer> paymentTerms = new TreeMap<>();
  private BigDecimal exposure = BigDecimal.ZERO;
  private final Map<String, BigDecimal> uninvoiced = new HashMap<>();
  private final Map<String, OpenInvoice> openInvoices = new HashMap<>();
  private final Map<String, BigDecimal> heldDeals = new LinkedHashMap<>();
  private final Map<String, PendingIncrease> pending = new HashMap<>();
  private final Map<String, String> decided = new HashMap<>();
  private CreditWarning warning;

  protected CreditAccount() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public CommandResult handle(
      OpenCreditAccount command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy access,
      Clock clock) {
    requireFinance(access, Caller.of(user, roles));
    if (opened) {
      throw Rejected.conflict(
          "Customer " + command.customerId() + " already has a credit account.");
    }
    Amounts.requireNotNegative("limit", command.limit());
    requireTerms(command.paymentTermsDays());
    apply(
        new CreditAccountOpened(
            command.customerId(),
            command.rating(),
            command.limit(),
            command.currency(),
            command.paymentTermsDays(),
            LocalDate.now(clock),
            exposure));
    return result();
  }

  @CommandHandler
  public CommandResult handle(
      ChangeCreditRating command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy access) {
    requireFinanceOnOpenAccount(access, Caller.of(user, roles));
    if (command.rating() == rating) {
      throw Rejected.conflict("The rating is already " + rating + ".");
    }
    apply(new CreditRatingChanged(customerId, rating, command.rating(), command.reason()));
    return result();
  }

  @CommandHandler
  public CommandResult handle(
      ChangePaymentTerms command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy access,
      Clock clock) {
    requireFinanceOnOpenAccount(access, Caller.of(user, roles));
    requireTerms(command.paymentTermsDays());
    int current = paymentTerms.lastEntry().getValue();
    if (command.paymentTermsDays() == current) {
      throw Rejected.conflict("The payment terms are already " + current + " days.");
    }
    apply(
        new PaymentTermsChanged(
            customerId,
            current,
            command.paymentTermsDays(),
            LocalDate.now(clock),
            command.reason()));
    return result();
  }

  @CommandHandler
  public CommandResult handle(
      HoldCreditAccount command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy access) {
    requireFinanceOnOpenAccount(access, Caller.of(user, roles));
    if (onHold) {
      throw Rejected.conflict("The credit account of " + customerId + " is already on hold.");
    }
    apply(new CreditAccountHeld(customerId, command.reason()));
    return result();
  }

  @CommandHandler
  public CommandResult handle(
      ReleaseCreditAccount command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy access) {
    requireFinanceOnOpenAccount(access, Caller.of(user, roles));
    if (!onHold) {
      throw Rejected.conflict("The credit account of " + customerId + " is not on hold.");
    }
    apply(new CreditAccountReleased(customerId, command.reason()));
    return result();
  }

  /** A decrease applies at once; an increase waits for another finance user's approval. */
  @CommandHandler
  public CommandResult handle(
      RequestCreditLimit command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy access) {
    Actor caller = Caller.of(user, roles);
    requireFinanceOnOpenAccount(access, caller);
    Amounts.requireNotNegative("newLimit", command.newLimit());
    int change = command.newLimit().compareTo(limit);
    if (change == 0) {
      throw Rejected.conflict("The limit is already " + limit.toPlainString() + ".");
    }
    String requestId = CreditAccountIds.limitRequestId(AggregateLifecycle.getVersion() + 1);
    if (change < 0) {
      apply(
          new CreditLimitChanged(
              customerId,
              requestId,
              limit,
              command.newLimit(),
              caller.name(),
              null,
              command.reason()));
    } else {
      pending.keySet().stream()
          .findFirst()
          .ifPresent(
              other -> {
                throw Rejected.conflict(
                    "Limit request " + other + " is still waiting for a decision.");
              });
      apply(
          new CreditLimitIncreaseRequested(
              customerId, requestId, limit, command.newLimit(), caller.name(), command.reason()));
    }
    return result();
  }

  /**
   * Maker-checker: whoever asked for the increase can never approve it, whatever their roles. Then
   * every held deal of the customer (oldest first) that the check now passes is released; the
   * caller books those deals in the same unit of work.
   */
  public List<String> approveLimitIncrease(
      String requestId,
      AccessPolicy access,
      Actor caller,
      String reason,
      LocalDate today,
      CreditPolicy policy) {
    requireFinanceOnOpenAccount(access, caller);
    PendingIncrease request = pendingRequest(requestId);
    if (caller.name().equals(request.requestedBy())) {
      throw Rejected.forbidden(
          "Maker-checker: "
              + caller.name()
              + " requested limit increase "
              + requestId
              + " and may not approve it; another finance user must.");
    }
    apply(
        new CreditLimitChanged(
            customerId,
            requestId,
            limit,
            request.requestedLimit(),
            request.requestedBy(),
            caller.name(),
            reason));
    List<String> released = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> held : List.copyOf(heldDeals.entrySet())) {
      if (check(held.getValue(), today, policy).passed()) {
        apply(
            new HeldDealReleased(
                customerId,
                held.getKey(),
                held.getValue(),
                CreditHoldRelease.LIMIT_INCREASE,
                reason,
                exposure.add(held.getValue())));
        released.add(held.getKey());
      }
    }
    return released;
  }

  @CommandHandler
  public CommandResult handle(
      RejectCreditLimitRequest command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy access) {
    Actor caller = Caller.of(user, roles);
    requireFinanceOnOpenAccount(access, caller);
    PendingIncrease request = pendingRequest(command.requestId());
    apply(
        new CreditLimitIncreaseRejected(
            customerId,
            command.requestId(),
            request.requestedLimit(),
            request.requestedBy(),
            caller.name(),
            command.reason()));
    return result();
  }

  /** Finance books a held deal despite the check; the caller books the deal itself. */
  public void releaseHeldDeal(String dealId, AccessPolicy access, Actor caller, String reason) {
    requireFinanceOnOpenAccount(access, caller);
    BigDecimal amount = heldDeals.get(dealId);
    if (amount == null) {
      throw Rejected.conflict(
          "Deal " + dealId + " is not on credit hold for customer " + customerId + ".");
    }
    apply(
        new HeldDealReleased(
            customerId, dealId, amount, CreditHoldRelease.FINANCE, reason, exposure.add(amount)));
  }

  /**
   * The credit check of DESIGN.md for a deal being won, recorded here: a passing deal becomes
   * exposure at once; a failing one is remembered as held. No account: nothing to check, but the
   * exposure is still counted.
   */
  public CreditCheck checkWin(
      String customer, String dealId, BigDecimal amount, LocalDate today, CreditPolicy policy) {
    CreditCheck check = check(amount, today, policy);
    if (check.passed()) {
      apply(new CreditCheckPassed(customer, dealId, check, exposure.add(amount)));
    } else {
      apply(new CreditCheckFailed(customer, dealId, check));
    }
    return check;
  }

  /** The payment terms in effect on that date; none before the account was opened. */
  public Optional<Integer> paymentTermsOn(LocalDate date) {
    return Optional.ofNullable(paymentTerms.floorEntry(date)).map(Map.Entry::getValue);
  }

  /** An invoice turns won-not-invoiced into open receivable (or adds to it, for older deals). */
  public void recordInvoice(
      String customer,
      String invoiceId,
      String dealId,
      BigDecimal amount,
      LocalDate issueDate,
      LocalDate dueDate) {
    BigDecimal fromUninvoiced = uninvoiced.getOrDefault(dealId, BigDecimal.ZERO).min(amount);
    apply(
        new ReceivableRecorded(
            customer,
            invoiceId,
            dealId,
            amount,
            issueDate,
            dueDate,
            exposure.subtract(fromUninvoiced).add(amount)));
  }

  /** A settlement lowers the invoice's open amount and the exposure by the same amount. */
  public void recordSettlement(
      String invoiceId, SettlementKind kind, BigDecimal amount, LocalDate settledOn) {
    OpenInvoice invoice = openInvoices.get(invoiceId);
    if (invoice == null) {
      return; // issued before credit accounts existed: never part of this exposure
    }
    apply(
        new ReceivableSettled(
            customerId,
            invoiceId,
            kind,
            amount,
            settledOn,
            invoice.open().subtract(amount),
            exposure.subtract(amount)));
  }

  /**
   * Early warning, run by the system after each relevant event and daily. Flags the customer with
   * the reasons (or clears the flag); when the hard threshold is crossed the account goes on hold.
   * Only a crossing holds: once finance has released an account it stays released until the figures
   * drop below the threshold and cross it again.
   */
  @CommandHandler
  public CommandResult handle(
      EvaluateCreditWarnings command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      Clock clock,
      CreditPolicy policy) {
    Actor caller = Caller.of(user, roles);
    if (!CreditReviews.SYSTEM_USER.equals(caller.name()) && !caller.has(Role.ADMIN)) {
      throw Rejected.forbidden("Early warnings are evaluated by the system.");
    }
    if (!opened) {
      return result();
    }
    LocalDate today = LocalDate.now(clock);
    OverdueInvoice overdue = oldestOverdue(today);
    List<CreditWarningReason> reasons = new ArrayList<>();
    if (overdue != null && overdue.daysOverdue() > policy.warningOverdueDays()) {
      reasons.add(CreditWarningReason.OVERDUE_INVOICE);
    }
    if (exposure.compareTo(limit.multiply(policy.warningExposureShare())) > 0) {
      reasons.add(CreditWarningReason.EXPOSURE_SHARE);
    }
    boolean pastHard =
        (overdue != null && overdue.daysOverdue() > policy.holdOverdueDays())
            || exposure.compareTo(limit.multiply(policy.holdExposureShare())) > 0;
    CreditWarning now = new CreditWarning(today, reasons, exposure, limit, overdue, pastHard);
    boolean wasPastHard = warning != null && warning.pastHardThreshold();
    if (reasons.isEmpty() && !pastHard) {
      if (warning != null) {
        apply(new CreditWarningCleared(customerId, today));
      }
    } else if (warning == null
        || !warning.reasons().equals(reasons)
        || warning.pastHardThreshold() != pastHard) {
      apply(new CreditWarningRaised(customerId, now));
    }
    if (pastHard && !wasPastHard && !onHold) {
      apply(new CreditAccountHeldAutomatically(customerId, now));
    }
    return result();
  }

  private CreditCheck check(BigDecimal amount, LocalDate today, CreditPolicy policy) {
    OverdueInvoice overdue = oldestOverdue(today);
    if (!opened) {
      return new CreditCheck(
          today,
          false,
          false,
          null,
          exposure,
          amount,
          overdue,
          policy.checkOverdueDays(),
          List.of());
    }
    List<CreditHoldReason> failed = new ArrayList<>();
    if (onHold) {
      failed.add(CreditHoldReason.ACCOUNT_ON_HOLD);
    }
    if (exposure.add(amount).compareTo(limit) > 0) {
      failed.add(CreditHoldReason.OVER_LIMIT);
    }
    if (overdue != null && overdue.daysOverdue() > policy.checkOverdueDays()) {
      failed.add(CreditHoldReason.OVERDUE_INVOICE);
    }
    return new CreditCheck(
        today, true, onHold, limit, exposure, amount, overdue, policy.checkOverdueDays(), failed);
  }

  /** The open invoice with the earliest due date before today (ties: the lower invoice id). */
  private OverdueInvoice oldestOverdue(LocalDate today) {
    return openInvoices.entrySet().stream()
        .filter(e -> e.getValue().dueDate().isBefore(today))
        .min(
            Comparator.comparing((Map.Entry<String, OpenInvoice> e) -> e.getValue().dueDate())
                .thenComparing(Map.Entry::getKey))
        .map(
            e ->
                new OverdueInvoice(
                    e.getKey(),
                    e.getValue().dueDate(),
                    e.getValue().open(),
                    ChronoUnit.DAYS.between(e.getValue().dueDate(), today)))
        .orElse(null);
  }

  private PendingIncrease pendingRequest(String requestId) {
    String decision = decided.get(requestId);
    if (decision != null) {
      throw Rejected.conflict("Limit request " + requestId + " was already " + decision + ".");
    }
    PendingIncrease request = pending.get(requestId);
    if (request == null) {
      throw Rejected.notFound(
          "No limit request " + requestId + " waits for a decision on " + customerId + ".");
    }
    return request;
  }

  private void requireFinanceOnOpenAccount(AccessPolicy access, Actor caller) {
    requireFinance(access, caller);
    if (!opened) {
      throw Rejected.notFound("Customer " + customerId + " has no credit account.");
    }
  }

  private static void requireFinance(AccessPolicy access, Actor caller) {
    Access.requirePermission(access, caller, Permission.MANAGE_CREDIT);
  }

  private static void requireTerms(int days) {
    if (days < 0 || days > 365) {
      throw Rejected.invalid("paymentTermsDays", "must be between 0 and 365");
    }
  }

  private CommandResult result() {
    return new CommandResult(accountId, AggregateLifecycle.getVersion());
  }

  private void identify(String customer) {
    customerId = customer;
    accountId = CreditAccountIds.of(customer);
  }

  @EventSourcingHandler
  void on(CreditAccountOpened event) {
    identify(event.customerId());
    opened = true;
    rating = event.rating();
    limit = event.limit();
    paymentTerms.put(event.openedOn(), event.paymentTermsDays());
  }

  @EventSourcingHandler
  void on(CreditRatingChanged event) {
    rating = event.to();
  }

  @EventSourcingHandler
  void on(PaymentTermsChanged event) {
    paymentTerms.put(event.effectiveFrom(), event.toDays());
  }

  @EventSourcingHandler
  void on(CreditAccountHeld event) {
    onHold = true;
  }

  @EventSourcingHandler
  void on(CreditAccountHeldAutomatically event) {
    onHold = true;
  }

  @EventSourcingHandler
  void on(CreditAccountReleased event) {
    onHold = false;
  }

  @EventSourcingHandler
  void on(CreditLimitIncreaseRequested event) {
    pending.put(
        event.requestId(), new PendingIncrease(event.requestedLimit(), event.requestedBy()));
  }

  @EventSourcingHandler
  void on(CreditLimitChanged event) {
    limit = event.newLimit();
    if (pending.remove(event.requestId()) != null) {
      decided.put(event.requestId(), "approved by " + event.approvedBy());
    }
  }

  @EventSourcingHandler
  void on(CreditLimitIncreaseRejected event) {
    pending.remove(event.requestId());
    decided.put(event.requestId(), "rejected by " + event.rejectedBy());
  }

  @EventSourcingHandler
  void on(CreditCheckPassed event) {
    identify(event.customerId());
    uninvoiced.put(event.dealId(), event.check().dealAmount());
    exposure = event.exposureAfter();
  }

  @EventSourcingHandler
  void on(CreditCheckFailed event) {
    identify(event.customerId());
    heldDeals.put(event.dealId(), event.check().dealAmount());
  }

  @EventSourcingHandler
  void on(HeldDealReleased event) {
    heldDeals.remove(event.dealId());
    uninvoiced.put(event.dealId(), event.amount());
    exposure = event.exposureAfter();
  }

  @EventSourcingHandler
  void on(ReceivableRecorded event) {
    identify(event.customerId());
    uninvoiced.computeIfPresent(
        event.dealId(),
        (deal, left) -> {
          BigDecimal rest = left.subtract(left.min(event.amount()));
          return rest.signum() == 0 ? null : rest;
        });
    openInvoices.put(event.invoiceId(), new OpenInvoice(event.dueDate(), event.amount()));
    exposure = event.exposureAfter();
  }

  @EventSourcingHandler
  void on(ReceivableSettled event) {
    if (event.openAfter().signum() == 0) {
      openInvoices.remove(event.invoiceId());
    } else {
      openInvoices.computeIfPresent(
          event.invoiceId(),
          (id, invoice) -> new OpenInvoice(invoice.dueDate(), event.openAfter()));
    }
    exposure = event.exposureAfter();
  }

  @EventSourcingHandler
  void on(CreditWarningRaised event) {
    warning = event.warning();
  }

  @EventSourcingHandler
  void on(CreditWarningCleared event) {
    warning = null;
  }
}
