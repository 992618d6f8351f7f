package com.salesledger.command.target;

import static com.salesledger.command.LedgerFixture.CLOCK;
import static com.salesledger.command.LedgerFixture.money;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.command.common.Rejected;
import com.salesledger.events.common.Period;
import com.salesledger.events.common.Rejection;
import com.salesledger.events.target.DecomposeTarget;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetChild;
import com.salesledger.events.target.TargetDecomposed;
import com.salesledger.events.target.TargetIds;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetReapportioned;
import com.salesledger.events.target.TargetRevised;
import com.salesledger.events.target.TargetScope;
import com.salesledger.events.target.TargetSet;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.security.AccessPolicy;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decompositions touch several targets, so they run against an in-memory event store (an aggregate
 * fixture holds one stream): the parent records the split and each child is set, or given its new
 * amount, in the same unit of work; a refused decomposition stores nothing.
 */
class TargetDecompositionsTest {

  private static final String COMPANY = "COMPANY:COMPANY:2026:REVENUE";
  private static final TargetScope NORTH = new TargetScope(ScopeLevel.REGION, "north");
  private static final TargetScope SOUTH = new TargetScope(ScopeLevel.REGION, "south");
  private static final Period YEAR = Period.parse("2026");

  private final EmbeddedEventStore store =
      EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
  private final EventSourcingRepository<SalesTarget> repository =
      EventSourcingRepository.builder(SalesTarget.class).eventStore(store).build();
  private final TargetDecompositions decompositions =
      new TargetDecompositions(
          repository,
          new AccessPolicy(CLOCK),
          new FakeOrganisation(),
          new LedgerSettings("EUR", "UTC"));

  @AfterEach
  void close() {
    store.shutDown();
  }

  private void given(String targetId, Object... events) {
    String stream = TargetIds.stream(targetId);
    for (Object event : events) {
      long next = store.lastSequenceNumberFor(stream).map(n -> n + 1).orElse(0L);
      store.publish(new GenericDomainEventMessage<>("SalesTarget", stream, next, event));
    }
  }

  private static TargetSet set(String targetId, TargetScope scope, Period period, String amount) {
    return new TargetSet(
        targetId,
        "TR-0",
        scope,
        period,
        TargetMetric.REVENUE,
        money(amount),
        "EUR",
        null,
        null,
        "finance1",
        "plan");
  }

  private void givenCompany(String amount) {
    given(COMPANY, set(COMPANY, TargetScope.company(), YEAR, amount));
  }

  private List<Object> events(String targetId) {
    return store
        .readEvents(TargetIds.stream(targetId))
        .asStream()
        .<Object>map(Message::getPayload)
        .toList();
  }

  /** Runs the command as finance1; answers the refusal, or null when it was accepted. */
  private Rejection decompose(TargetChild... children) {
    DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(null);
    var result =
        unitOfWork.executeWithResult(
            () ->
                decompositions.handle(
                    new DecomposeTarget(COMPANY, List.of(children), "split", null),
                    "finance1",
                    "FINANCE"));
    if (result.isExceptional()) {
      if (result.exceptionResult() instanceof Rejected rejected) {
        return rejected.rejection();
      }
      throw new AssertionError(result.exceptionResult());
    }
    return null;
  }

  private static TargetChild region(TargetScope region, String amount) {
    return new TargetChild(region, null, money(amount));
  }

  private static TargetChild quarter(String quarter, String amount) {
    return new TargetChild(null, Period.parse(quarter), money(amount));
  }

  @Test
  void a_company_target_splits_into_regions_that_add_up_and_each_becomes_a_target() {
    givenCompany("1000.00");

    assertThat(decompose(region(NORTH, "600.00"), region(SOUTH, "400.00"))).isNull();

    String north = "REGION:north:2026:REVENUE";
    String south = "REGION:south:2026:REVENUE";
    assertThat(events(COMPANY))
        .last()
        .isEqualTo(
            new TargetDecomposed(
                COMPANY,
                money("1000.00"),
                List.of(
                    new TargetDecomposed.DecomposedChild(north, NORTH, YEAR, money("600.00")),
                    new TargetDecomposed.DecomposedChild(south, SOUTH, YEAR, money("400.00"))),
                "finance1",
                "split"));
    assertThat(events(north))
        .containsExactly(
            new TargetSet(
                north,
                "TR-0",
                NORTH,
                YEAR,
                TargetMetric.REVENUE,
                money("600.00"),
                "EUR",
                null,
                COMPANY,
                "finance1",
                "split"));
    assertThat(events(south)).hasSize(1);
  }

  @Test
  void children_that_do_not_add_up_are_refused_naming_the_difference_and_nothing_is_stored() {
    givenCompany("1000.00");

    Rejection refused = decompose(region(NORTH, "600.00"), region(SOUTH, "300.00"));

    assertThat(refused.kind()).isEqualTo(Rejection.Kind.RULE);
    assertThat(refused.message())
        .isEqualTo("The children add up to 900.00, 100.00 less than the target's 1000.00.");
    assertThat(events(COMPANY)).hasSize(1);
    assertThat(events("REGION:north:2026:REVENUE")).isEmpty();
  }

  @Test
  void a_child_must_belong_to_the_parent_per_the_organisation() {
    givenCompany("1000.00");

    Rejection notARegion = decompose(region(new TargetScope(ScopeLevel.REGION, "east"), "1000.00"));
    assertThat(notARegion.kind()).isEqualTo(Rejection.Kind.RULE);
    assertThat(notARegion.message()).contains("REGION:east does not belong to COMPANY:COMPANY");

    // Two levels down is not a child either.
    Rejection aTeam = decompose(region(new TargetScope(ScopeLevel.TEAM, "north-1"), "1000.00"));
    assertThat(aTeam.message()).contains("TEAM:north-1 does not belong");
  }

  @Test
  void a_year_splits_into_its_quarters_without_the_organisation() {
    givenCompany("1000.00");

    assertThat(
            decompose(
                quarter("2026-Q1", "200.00"),
                quarter("2026-Q2", "250.00"),
                quarter("2026-Q3", "250.00"),
                quarter("2026-Q4", "300.00")))
        .isNull();
    assertThat(events("COMPANY:COMPANY:2026-Q4:REVENUE")).hasSize(1);

    Rejection outside = decompose(quarter("2027-Q1", "1000.00"));
    assertThat(outside.kind()).isEqualTo(Rejection.Kind.RULE);
    assertThat(outside.message()).contains("2027-Q1 is not a sub-period of the target's 2026");
  }

  @Test
  void children_are_all_scopes_or_all_periods_and_change_exactly_one_of_the_two() {
    givenCompany("1000.00");
    Rejection mixed = decompose(region(NORTH, "500.00"), quarter("2026-Q1", "500.00"));
    assertThat(mixed.kind()).isEqualTo(Rejection.Kind.INVALID);
    assertThat(mixed.field()).isEqualTo("children[1]");
    Rejection both = decompose(new TargetChild(NORTH, Period.parse("2026-Q1"), money("1000.00")));
    assertThat(both.field()).isEqualTo("children[0]");
  }

  @Test
  void after_a_revision_of_the_parent_a_new_decomposition_repeats_every_child_with_new_amounts() {
    givenCompany("1000.00");
    assertThat(decompose(region(NORTH, "600.00"), region(SOUTH, "400.00"))).isNull();
    given(
        COMPANY,
        new TargetRevised(
            COMPANY,
            "TR-2",
            money("1000.00"),
            money("1050.00"),
            LocalDate.parse("2026-04-01"),
            "finance1",
            null,
            "more"));

    Rejection stale = decompose(region(NORTH, "650.00"), region(SOUTH, "400.00"));
    assertThat(stale).isNull();
    Rejection missing = decompose(region(NORTH, "1050.00"));
    assertThat(missing.kind()).isEqualTo(Rejection.Kind.RULE);
    assertThat(missing.message()).contains("Child REGION:south:2026:REVENUE");

    assertThat(events("REGION:north:2026:REVENUE"))
        .last()
        .isEqualTo(
            new TargetReapportioned(
                "REGION:north:2026:REVENUE",
                "TR-1",
                COMPANY,
                money("600.00"),
                money("650.00"),
                "finance1",
                "split"));
  }
}
