package com.salesledger.command.credit;

import static com.salesledger.command.credit.CreditHistory.ACCOUNT;
import static com.salesledger.command.credit.CreditHistory.CLOCK;
import static com.salesledger.command.credit.CreditHistory.CUSTOMER;
import static com.salesledger.command.credit.CreditHistory.FINANCE1;
import static com.salesledger.command.credit.CreditHistory.POLICY;
import static com.salesledger.command.credit.CreditHistory.money;
import static com.salesledger.command.credit.CreditHistory.won;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.command.LedgerFixture;
import com.salesledger.command.deal.Deal;
import com.salesledger.command.receivable.Invoice;
import com.salesledger.command.receivable.InvoiceIssuing;
import com.salesledger.command.receivable.IssuedInvoices;
import com.salesledger.events.credit.CreditAccountOpened;
import com.salesledger.events.credit.CreditRating;
import com.salesledger.events.credit.PaymentTermsChanged;
import com.salesledger.events.credit.ReceivableRecorded;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.IssueInvoice;
import com.salesledger.platform.security.AccessPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invoices and the credit account: the due date follows the account's payment terms on the issue
 * date, and the account records the receivable in the same unit of work.
 */
class InvoiceCreditTest {

  private static final String DEAL = "deal-1";
  private static final LocalDate OPENED_ON = LocalDate.of(2026, 1, 2);
  private static final LocalDate CLOSED_ON = LocalDate.of(2026, 1, 3);

  private FixtureConfiguration<Deal> fixture;
  private CreditStore store;

  @BeforeEach
  void setUp() {
    store = new CreditStore();
    fixture = new AggregateTestFixture<>(Deal.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(new AccessPolicy(LedgerFixture.ORGANISATION, CLOCK));
    fixture.registerInjectableResource(LedgerFixture.ORGANISATION);
    CreditLedger ledger =
        new CreditLedger(store.repository(CreditAccount.class), store.store, CLOCK, POLICY);
    fixture.registerAnnotatedCommandHandler(
        new InvoiceIssuing(
            fixture.getRepository(),
            store.repository(Invoice.class),
            new IssuedInvoices(store.store),
            ledger,
            30));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private Object[] wonDeal() {
    return new Object[] {
      new DealOpened(
          DEAL,
          CUSTOMER,
          "rep1",
          "team-a",
          "north",
          "software",
          money("1000.00"),
          "EUR",
          CLOSED_ON,
          OPENED_ON,
          DealStage.NEGOTIATION),
      new DealWon(
          DEAL,
          CUSTOMER,
          "rep1",
          "team-a",
          "north",
          "software",
          money("1000.00"),
          money("1.00"),
          "EUR",
          OPENED_ON,
          CLOSED_ON)
    };
  }

  private LocalDate dueDateOfInvoiceIssuedOn(LocalDate issueDate) {
    fixture
        .given(wonDeal())
        .when(new IssueInvoice("inv-1", DEAL, money("400.00"), issueDate, null), FINANCE1)
        .expectSuccessfulHandlerExecution();
    InvoiceIssued issued = (InvoiceIssued) store.events("inv-1").get(0);
    return issued.dueDate();
  }

  @Test
  void the_account_terms_in_effect_on_the_issue_date_set_the_due_date() {
    store.givenCredit(
        won(DEAL, "1000.00", "0"),
        new CreditAccountOpened(
            CUSTOMER,
            CreditRating.A,
            money("5000"),
            "EUR",
            45,
            LocalDate.of(2026, 3, 1),
            money("1000.00")),
        new PaymentTermsChanged(CUSTOMER, 45, 60, LocalDate.of(2026, 5, 1), "renegotiated"));

    assertThat(dueDateOfInvoiceIssuedOn(LocalDate.of(2026, 4, 10)))
        .isEqualTo(LocalDate.of(2026, 5, 25));
  }

  @Test
  void after_a_terms_change_the_new_terms_apply() {
    store.givenCredit(
        won(DEAL, "1000.00", "0"),
        new CreditAccountOpened(
            CUSTOMER,
            CreditRating.A,
            money("5000"),
            "EUR",
            45,
            LocalDate.of(2026, 3, 1),
            money("1000.00")),
        new PaymentTermsChanged(CUSTOMER, 45, 60, LocalDate.of(2026, 5, 1), "renegotiated"));

    assertThat(dueDateOfInvoiceIssuedOn(LocalDate.of(2026, 5, 1)))
        .isEqualTo(LocalDate.of(2026, 6, 30));
  }

  @Test
  void an_invoice_issued_before_the_account_existed_keeps_the_flat_default() {
    store.givenCredit(
        won(DEAL, "1000.00", "0"),
        new CreditAccountOpened(
            CUSTOMER,
            CreditRating.A,
            money("5000"),
            "EUR",
            45,
            LocalDate.of(2026, 3, 1),
            money("1000.00")));

    assertThat(dueDateOfInvoiceIssuedOn(LocalDate.of(2026, 2, 28)))
        .isEqualTo(LocalDate.of(2026, 3, 30));
  }

  @Test
  void a_customer_without_an_account_gets_the_flat_default() {
    assertThat(dueDateOfInvoiceIssuedOn(LocalDate.of(2026, 2, 1)))
        .isEqualTo(LocalDate.of(2026, 3, 3));
  }

  @Test
  void the_account_records_the_receivable_and_exposure_stays_whole() {
    store.givenCredit(won(DEAL, "1000.00", "0"));

    dueDateOfInvoiceIssuedOn(LocalDate.of(2026, 2, 1));

    assertThat(store.events(ACCOUNT))
        .last()
        .isEqualTo(
            new ReceivableRecorded(
                CUSTOMER,
                "inv-1",
                DEAL,
                money("400.00"),
                LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 3, 3),
                money("1000.00")));
  }

  @Test
  void an_invoice_of_a_deal_won_before_credit_accounts_adds_to_exposure() {
    dueDateOfInvoiceIssuedOn(LocalDate.of(2026, 2, 1));

    assertThat(((ReceivableRecorded) store.events(ACCOUNT).get(0)).exposureAfter())
        .isEqualTo(new BigDecimal("400.00"));
  }
}
