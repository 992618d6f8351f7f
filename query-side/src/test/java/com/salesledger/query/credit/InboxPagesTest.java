package com.salesledger.query.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.credit.CreditCheck;
import com.salesledger.events.credit.CreditCheckFailed;
import com.salesledger.events.credit.CreditHoldReason;
import com.salesledger.query.common.Projector;
import com.salesledger.query.common.ReadModelDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finance's inbox in pages: every item once, in the inbox's order, whatever the page size. */
class InboxPagesTest {

  private JdbcCreditAccounts accounts;

  @BeforeEach
  void twentySevenHeldDeals() {
    ReadModelDatabase db = ReadModelDatabase.emptied();
    accounts = new JdbcCreditAccounts(db.jdbc());
    Projector projector = new Projector(new CreditProjection(db.jdbc()));
    // three customers' deals held, three at a time at the same instant (ties in "since")
    for (int n = 0; n < 27; n++) {
      String customer = "C" + (n % 3 + 1);
      projector
          .at(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(60L * (n / 3)))
          .handle(
              "credit-account/" + customer,
              new CreditCheckFailed(customer, "D" + (100 - n), check()));
    }
  }

  private static CreditCheck check() {
    return new CreditCheck(
        LocalDate.parse("2026-03-01"),
        true,
        true,
        new BigDecimal("1000.00"),
        new BigDecimal("0.00"),
        new BigDecimal("50.00"),
        null,
        90,
        List.of(CreditHoldReason.ACCOUNT_ON_HOLD));
  }

  @Test
  void pages_of_any_size_go_through_the_whole_inbox_once_in_its_order() {
    List<InboxItem> all = accounts.inbox();
    assertThat(all).hasSize(27);
    assertThat(all).extracting(InboxItem::since).isSorted();
    for (int size : List.of(1, 4, 7, 27, 30)) {
      assertThat(paged(null, null, size)).as("pages of " + size).containsExactlyElementsOf(all);
    }
  }

  @Test
  void pages_of_one_customer_or_one_kind() {
    List<InboxItem> ofC2 =
        accounts.inbox().stream().filter(i -> i.customerId().equals("C2")).toList();
    assertThat(ofC2).hasSize(9);
    assertThat(paged(null, "C2", 2)).containsExactlyElementsOf(ofC2);
    assertThat(paged("DEAL_HOLD", null, 5)).containsExactlyElementsOf(accounts.inbox());
    assertThat(paged("WARNING", null, 5)).isEmpty();
  }

  @Test
  void a_cursor_reads_back_as_written_and_nothing_else_is_taken_for_one() {
    InboxQuery.After after =
        new InboxQuery.After(Instant.parse("2026-03-01T10:00:00.123456Z"), 42, "DEAL_HOLD");
    assertThat(InboxQuery.After.decode(after.encode())).contains(after);
    InboxQuery.After noSince = new InboxQuery.After(null, 7, "WARNING");
    assertThat(InboxQuery.After.decode(noSince.encode())).contains(noSince);
    for (String notOurs : List.of("", "x", "!!!", "MTIzfDR8NQ", after.encode() + "A")) {
      assertThat(InboxQuery.After.decode(notOurs)).as(notOurs).isEmpty();
    }
  }

  /** Every page of {@code size}, each after the last item of the one before. */
  private List<InboxItem> paged(String kind, String customerId, int size) {
    List<InboxItem> items = new ArrayList<>();
    InboxQuery.After after = null;
    for (int pages = 0; pages < 100; pages++) { // a page that does not move on must not hang
      List<InboxItem> page = accounts.inbox(new InboxQuery(kind, customerId, after, size));
      assertThat(page.size()).isLessThanOrEqualTo(size);
      items.addAll(page);
      if (page.size() < size) {
        return items;
      }
      // through the cursor's text, as a client follows the next link
      after =
          InboxQuery.After.decode(InboxQuery.After.of(page.get(page.size() - 1)).encode())
              .orElseThrow();
    }
    throw new AssertionError("more than 100 pages of " + size + ": " + items.size() + " items");
  }
}
