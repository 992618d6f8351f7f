package com.salesledger.query.credit;

import com.salesledger.platform.security.DataScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The credit read model as the credit queries see it. */
public interface CreditAccounts {

  /**
   * The account as it stood at {@code asOf}, or empty when it did not exist then or the customer is
   * outside the scope (a limited scope sees customers it has at least one deal with).
   */
  Optional<CreditAccountView> asOf(String customerId, Instant asOf, DataScope scope);

  /** The current early warnings, the oldest first. */
  List<CreditWarningView> warnings();

  /** Accounts on hold, deals on credit hold and warnings, the oldest first. */
  default List<InboxItem> inbox() {
    return inbox(InboxQuery.EVERYTHING);
  }

  /**
   * The part of the inbox asked: of one kind or one customer if given, after a given item, at most
   * {@code limit} items; in the same order.
   */
  List<InboxItem> inbox(InboxQuery query);
}
