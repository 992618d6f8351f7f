package com.salesledger.command.receivable;

import static com.salesledger.command.LedgerFixture.DEAL;
import static com.salesledger.command.LedgerFixture.FINANCE;
import static com.salesledger.command.LedgerFixture.INVOICE;
import static com.salesledger.command.LedgerFixture.TODAY;
import static com.salesledger.command.LedgerFixture.dealOpened;
import static com.salesledger.command.LedgerFixture.dealWon;
import static com.salesledger.command.LedgerFixture.fixtureFor;
import static com.salesledger.command.LedgerFixture.invoiceIssued;
import static com.salesledger.command.LedgerFixture.money;
import static com.salesledger.command.common.Rejections.rejected;
import static com.salesledger.events.common.Rejection.Kind.CONFLICT;
import static com.salesledger.events.common.Rejection.Kind.INVALID;
import static com.salesledger.events.common.Rejection.Kind.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.NoCreditAccounts;
import com.salesledger.command.common.Rejected;
import com.salesledger.command.deal.Deal;
import com.salesledger.events.deal.DealInvoiced;
import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.receivable.IssueInvoice;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issuing an invoice: the won deal claims the amount (so its instalments never add up to more than
 * its final amount) and the invoice is created, both in one unit of work.
 *
 * <p>The deal lives in the {@link AggregateTestFixture}; the invoices live in a separate in-memory
 * event store. They cannot share the fixture's store: the fixture's recording event store holds the
 * stream of exactly one aggregate. It refuses to append {@code InvoiceIssued} after {@code
 * DealInvoiced} in the same unit of work ("Writing events for an unexpected aggregate"), and it
 * answers a look-up of any other identifier (here {@code lastSequenceNumberFor(invoiceId)}, the
 * duplicate-invoice check) with the deal's given events, so every invoice id would seem taken. The
 * fixture therefore asserts the deal's events, and the invoice store is read for {@code
 * InvoiceIssued}.
 */
class InvoiceIssuingTest {

  private static final LocalDate OPENED_ON = LocalDate.of(2026, 5, 4);
  private static final LocalDate CLOSED_ON = LocalDate.of(2026, 6, 20);
  private static final LocalDate ISSUED_ON = LocalDate.of(2026, 6, 25);

  private FixtureConfiguration<Deal> fixture;
  private EmbeddedEventStore invoiceStore;

  @BeforeEach
  void setUp() {
    fixture = fixtureFor(Deal.class);
    invoiceStore =
        EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    registerInvoiceIssuing(fixture, invoiceStore, 30);
  }

  @AfterEach
  void tearDown() {
    invoiceStore.shutDown();
  }

  private static void registerInvoiceIssuing(
      FixtureConfiguration<Deal> fixture, EventStore invoiceStore, int defaultTermsDays) {
    EventSourcingRepository<Invoice> invoices =
        EventSourcingRepository.builder(Invoice.class).eventStore(invoiceStore).build();
    fixture.registerAnnotatedCommandHandler(
        new InvoiceIssuing(
            fixture.getRepository(),
            invoices,
            new IssuedInvoices(invoiceStore),
            new NoCreditAccounts(TODAY),
            defaultTermsDays));
  }

  private static DealOpened opened() {
    return dealOpened("1200.00", CLOSED_ON, OPENED_ON, DealStage.LEAD);
  }

  /** Won for 1000.00 on 2026-06-20. */
  private static DealWon won() {
    return dealWon("1000.00", "700.00", OPENED_ON, CLOSED_ON);
  }

  private static IssueInvoice issue(String invoiceId, String amount) {
    return new IssueInvoice(invoiceId, DEAL, money(amount), ISSUED_ON, null);
  }

  private static IssueInvoice issue(String amount, LocalDate issueDate, LocalDate dueDate) {
    return new IssueInvoice(INVOICE, DEAL, money(amount), issueDate, dueDate);
  }

  private List<Object> invoiceEvents(String invoiceId) {
    return invoiceStore.readEvents(invoiceId).asStream().<Object>map(Message::getPayload).toList();
  }

  @Test
  void issuing_an_invoice_claims_its_amount_on_the_won_deal_and_issues_the_invoice() {
    fixture
        .given(opened(), won())
        .when(issue(INVOICE, "400.00"), FINANCE)
        .expectEvents(new DealInvoiced(DEAL, INVOICE, money("400.00"), money("400.00")))
        .expectResultMessagePayload(new CommandResult(INVOICE, 0));

    assertThat(invoiceEvents(INVOICE))
        .containsExactly(invoiceIssued("400.00", ISSUED_ON, ISSUED_ON.plusDays(30)));
  }

  @Test
  void without_a_due_date_the_invoice_is_due_after_the_default_payment_terms() {
    FixtureConfiguration<Deal> fixtureWith45Days = fixtureFor(Deal.class);
    registerInvoiceIssuing(fixtureWith45Days, invoiceStore, 45);

    fixtureWith45Days
        .given(opened(), won())
        .when(issue("400.00", ISSUED_ON, null), FINANCE)
        .expectSuccessfulHandlerExecution();

    assertThat(invoiceEvents(INVOICE))
        .containsExactly(invoiceIssued("400.00", ISSUED_ON, LocalDate.of(2026, 8, 9)));
  }

  @Test
  void a_given_due_date_is_kept() {
    LocalDate dueDate = LocalDate.of(2026, 9, 30);
    fixture
        .given(opened(), won())
        .when(issue("400.00", ISSUED_ON, dueDate), FINANCE)
        .expectEvents(new DealInvoiced(DEAL, INVOICE, money("400.00"), money("400.00")));

    assertThat(invoiceEvents(INVOICE)).containsExactly(invoiceIssued("400.00", ISSUED_ON, dueDate));
  }

  @Test
  void an_invoice_may_be_due_on_its_issue_date() {
    fixture
        .given(opened(), won())
        .when(issue("400.00", ISSUED_ON, ISSUED_ON), FINANCE)
        .expectSuccessfulHandlerExecution();

    assertThat(invoiceEvents(INVOICE))
        .containsExactly(invoiceIssued("400.00", ISSUED_ON, ISSUED_ON));
  }

  @Test
  void the_due_date_must_not_be_before_the_issue_date_and_then_nothing_is_claimed_or_issued() {
    fixture
        .given(opened(), won())
        .when(issue("400.00", ISSUED_ON, ISSUED_ON.minusDays(1)), FINANCE)
        .expectException(Rejected.class)
        .expectException(rejected(INVALID, "dueDate", "before the issue date " + ISSUED_ON))
        .expectNoEvents();

    assertThat(invoiceEvents(INVOICE)).isEmpty();
  }

  @Test
  void an_open_deal_cannot_be_invoiced() {
    fixture
        .given(opened())
        .when(issue(INVOICE, "400.00"), FINANCE)
        .expectException(rejected(RULE, null, "only won deals can be invoiced"))
        .expectNoEvents();

    assertThat(invoiceEvents(INVOICE)).isEmpty();
  }

  @Test
  void a_lost_deal_cannot_be_invoiced() {
    fixture
        .given(
            opened(),
            new DealLost(
                DEAL,
                "cust-1",
                "rep1",
                "team-a",
                "north",
                "software",
                "price",
                OPENED_ON,
                CLOSED_ON))
        .when(issue(INVOICE, "400.00"), FINANCE)
        .expectException(rejected(RULE, null, "Deal deal-1 is not won"))
        .expectNoEvents();
  }

  @Test
  void an_unknown_deal_cannot_be_invoiced() {
    fixture
        .givenNoPriorActivity()
        .when(issue(INVOICE, "400.00"), FINANCE)
        .expectException(rejected(RULE, null, "Deal deal-1 does not exist"))
        .expectNoEvents();

    assertThat(invoiceEvents(INVOICE)).isEmpty();
  }

  @Test
  void instalments_add_up_on_the_deal() {
    fixture
        .given(opened(), won(), new DealInvoiced(DEAL, "inv-0", money("700.00"), money("700.00")))
        .when(issue(INVOICE, "300.00"), FINANCE)
        .expectEvents(new DealInvoiced(DEAL, INVOICE, money("300.00"), money("1000.00")));
  }

  @Test
  void instalments_never_add_up_to_more_than_the_final_amount() {
    fixture
        .given(opened(), won(), new DealInvoiced(DEAL, "inv-0", money("700.00"), money("700.00")))
        .when(issue(INVOICE, "300.01"), FINANCE)
        .expectException(
            rejected(
                RULE,
                null,
                "Invoice amount 300.01 exceeds what remains to invoice on deal deal-1"
                    + " (300.00 of 1000.00)"))
        .expectNoEvents();

    assertThat(invoiceEvents(INVOICE)).isEmpty();
  }

  @Test
  void a_single_invoice_may_not_exceed_the_final_amount() {
    fixture
        .given(opened(), won())
        .when(issue(INVOICE, "1000.01"), FINANCE)
        .expectException(rejected(RULE, null, "(1000.00 of 1000.00)"))
        .expectNoEvents();
  }

  @Test
  void the_deal_refuses_the_same_invoice_id_twice() {
    fixture
        .given(opened(), won(), new DealInvoiced(DEAL, INVOICE, money("400.00"), money("400.00")))
        .when(issue(INVOICE, "100.00"), FINANCE)
        .expectException(rejected(CONFLICT, null, "Invoice inv-1 was already issued for this deal"))
        .expectNoEvents();
  }

  @Test
  void an_invoice_id_that_already_exists_cannot_be_issued_again() {
    invoiceStore.publish(
        new GenericDomainEventMessage<>(
            "Invoice", INVOICE, 0, invoiceIssued("400.00", ISSUED_ON, ISSUED_ON.plusDays(30))));

    fixture
        .given(opened(), won())
        .when(issue(INVOICE, "100.00"), FINANCE)
        .expectException(rejected(CONFLICT, null, "Invoice inv-1 already exists"))
        .expectNoEvents();

    assertThat(invoiceEvents(INVOICE)).hasSize(1);
  }

  @Test
  void an_invoice_cannot_be_issued_before_the_deal_was_won() {
    fixture
        .given(opened(), won())
        .when(issue("400.00", CLOSED_ON.minusDays(1), null), FINANCE)
        .expectException(
            rejected(INVALID, "issueDate", "before the deal's close date " + CLOSED_ON))
        .expectNoEvents();
  }

  @Test
  void an_invoice_may_be_issued_on_the_day_the_deal_was_won() {
    fixture
        .given(opened(), won())
        .when(issue("400.00", CLOSED_ON, null), FINANCE)
        .expectEvents(new DealInvoiced(DEAL, INVOICE, money("400.00"), money("400.00")));
  }

  @Test
  void an_invoice_cannot_be_issued_in_the_future() {
    fixture
        .given(opened(), won())
        .when(issue("400.00", TODAY.plusDays(1), null), FINANCE)
        .expectException(rejected(INVALID, "issueDate", "must not be in the future"))
        .expectNoEvents();

    assertThat(invoiceEvents(INVOICE)).isEmpty();
  }

  @Test
  void an_invoice_may_be_issued_today() {
    fixture
        .given(opened(), won())
        .when(issue("400.00", TODAY, null), FINANCE)
        .expectSuccessfulHandlerExecution();

    assertThat(invoiceEvents(INVOICE))
        .containsExactly(invoiceIssued("400.00", TODAY, TODAY.plusDays(30)));
  }

  @Test
  void the_invoice_amount_must_be_greater_than_zero() {
    fixture
        .given(opened(), won())
        .when(issue(INVOICE, "0"), FINANCE)
        .expectException(rejected(INVALID, "amount", "must be greater than 0"))
        .expectNoEvents();
  }

  @Test
  void the_invoice_amount_may_have_at_most_two_decimal_places() {
    fixture
        .given(opened(), won())
        .when(issue(INVOICE, "100.001"), FINANCE)
        .expectException(rejected(INVALID, "amount", "at most 2 decimal places"))
        .expectNoEvents();
  }
}
