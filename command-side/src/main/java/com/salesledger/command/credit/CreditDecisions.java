package com.salesledger.command.credit;

import com.salesledger.command.common.Caller;
import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.command.deal.Deal;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.credit.ApproveCreditLimitRequest;
import com.salesledger.events.credit.CreditHoldRelease;
import com.salesledger.events.credit.ReleaseHeldDeal;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Finance decisions that release held deals: the account decides and the deals it releases are
 * booked ({@code DealWon}) in the same unit of work, so a release is never half done.
 */
@Component
public class CreditDecisions {

  private final Repository<CreditAccount> accounts;
  private final Repository<Deal> deals;
  private final CreditPolicy policy;
  private final AccessPolicy access;

  public CreditDecisions(
      Repository<CreditAccount> accounts,
      Repository<Deal> deals,
      CreditPolicy policy,
      AccessPolicy access) {
    this.accounts = accounts;
    this.deals = deals;
    this.policy = policy;
    this.access = access;
  }

  @CommandHandler
  public CommandResult handle(
      ApproveCreditLimitRequest command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      Clock clock) {
    Actor caller = Caller.of(user, roles);
    Aggregate<CreditAccount> account = load(command.customerId(), command.accountId());
    List<String> released =
        account.invoke(
            a ->
                a.approveLimitIncrease(
                    command.requestId(),
                    access,
                    caller,
                    command.reason(),
                    LocalDate.now(clock),
                    policy));
    for (String dealId : released) {
      deals
          .load(dealId)
          .execute(
              d -> d.releaseFromCreditHold(CreditHoldRelease.LIMIT_INCREASE, command.reason()));
    }
    return new CommandResult(command.accountId(), account.version());
  }

  @CommandHandler
  public CommandResult handle(
      ReleaseHeldDeal command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles) {
    Actor caller = Caller.of(user, roles);
    Aggregate<CreditAccount> account = load(command.customerId(), command.accountId());
    account.execute(a -> a.releaseHeldDeal(command.dealId(), access, caller, command.reason()));
    deals
        .load(command.dealId())
        .execute(d -> d.releaseFromCreditHold(CreditHoldRelease.FINANCE, command.reason()));
    return new CommandResult(command.accountId(), account.version());
  }

  private Aggregate<CreditAccount> load(String customerId, String accountId) {
    try {
      return accounts.load(accountId);
    } catch (AggregateNotFoundException e) {
      throw Rejected.notFound("Customer " + customerId + " has no credit account.");
    }
  }
}
