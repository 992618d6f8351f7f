package com.salesledger.command.target;

import com.salesledger.command.organisation.OrganisationChart;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.common.Period;
import com.salesledger.events.target.TargetIds;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetScope;
import com.salesledger.platform.security.AccessPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;

/**
 * Targets in an in-memory event store, driven through a command bus like the real one: a
 * decomposition touches several target streams in one unit of work, which Axon's one-aggregate
 * fixture cannot hold. Given past events per stream, then a command, then the events of each
 * stream.
 */
final class TargetHarness implements AutoCloseable {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T09:00:00Z"), ZoneOffset.UTC);
  static final Map<String, Object> FINANCE1 = caller("finance1", "FINANCE");
  static final Map<String, Object> FINANCE2 = caller("finance2", "FINANCE");
  static final Map<String, Object> MANAGER1 = caller("manager1", "MANAGER");
  static final Map<String, Object> ADMIN = caller("admin", "ADMIN");
  static final Map<String, Object> AUDITOR = caller("auditor1", "AUDITOR");
  static final Map<String, Object> REP1 = caller("rep1", "REP");
  static final Map<String, Object> FINANCE_AND_MANAGER = caller("boss", "FINANCE,MANAGER");

  static final Period Y2026 = Period.parse("2026");
  static final TargetScope COMPANY = TargetScope.company();
  static final String COMPANY_REVENUE = TargetIds.of(COMPANY, Y2026, TargetMetric.REVENUE);

  final EmbeddedEventStore store =
      EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
  final FakeChart chart = new FakeChart();
  private final SimpleCommandBus bus = SimpleCommandBus.builder().build();

  TargetHarness() {
    EventSourcingRepository<Target> repository =
        EventSourcingRepository.builder(Target.class).eventStore(store).build();
    TargetLedger ledger =
        new TargetLedger(
            repository, chart, new AccessPolicy(CLOCK), new TargetPolicy(new BigDecimal("0.10")));
    new AnnotationCommandHandlerAdapter<>(ledger).subscribe(bus);
  }

  static Map<String, Object> caller(String user, String roles) {
    return Map.of(LedgerMetaData.USER, user, LedgerMetaData.ROLES, roles);
  }

  static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  static String id(TargetScope scope, String period, TargetMetric metric) {
    return TargetIds.of(scope, Period.parse(period), metric);
  }

  /** Past events of one target's stream. */
  TargetHarness given(String targetId, Object... events) {
    String stream = TargetIds.stream(targetId);
    for (Object event : events) {
      long next = store.lastSequenceNumberFor(stream).map(n -> n + 1).orElse(0L);
      store.publish(new GenericDomainEventMessage<>("Target", stream, next, event));
    }
    return this;
  }

  /** Sends the command as {@code caller}; answers its result or throws its refusal. */
  Object send(Object command, Map<String, Object> caller) {
    FutureCallback<Object, Object> callback = new FutureCallback<>();
    bus.dispatch(
        GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(caller)),
        callback);
    CommandResultMessage<?> result = callback.getResult();
    if (result.isExceptional()) {
      Throwable failure = result.exceptionResult();
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(failure);
    }
    return result.getPayload();
  }

  List<Object> events(String targetId) {
    return store
        .readEvents(TargetIds.stream(targetId))
        .asStream()
        .<Object>map(Message::getPayload)
        .toList();
  }

  Object last(String targetId) {
    List<Object> events = events(targetId);
    return events.get(events.size() - 1);
  }

  @Override
  public void close() {
    store.shutDown();
  }

  /** The organisation as the tests need it: regions, teams and reps, the same on every day. */
  static final class FakeChart implements OrganisationChart {
    private final Map<String, String> regionOfTeam = new HashMap<>();
    private final Map<String, String> teamOfRep = new HashMap<>();

    FakeChart team(String team, String region, String... reps) {
      regionOfTeam.put(team, region);
      for (String rep : reps) {
        teamOfRep.put(rep, team);
      }
      return this;
    }

    @Override
    public Optional<Placement> placementOf(String rep, LocalDate on) {
      return Optional.ofNullable(teamOfRep.get(rep))
          .map(team -> new Placement(team, regionOfTeam.get(team)));
    }

    @Override
    public Set<String> regions(LocalDate on) {
      return Set.copyOf(regionOfTeam.values());
    }

    @Override
    public Set<String> teamsOf(String regionId, LocalDate on) {
      return regionOfTeam.entrySet().stream()
          .filter(e -> e.getValue().equals(regionId))
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    @Override
    public Set<String> repsOf(String teamId, LocalDate on) {
      return teamOfRep.entrySet().stream()
          .filter(e -> e.getValue().equals(teamId))
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    @Override
    public Optional<String> regionOf(String teamId, LocalDate on) {
      return Optional.ofNullable(regionOfTeam.get(teamId));
    }
  }
}
