package com.salesledger.command.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.command.organisation.OrganisationTimeline;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetDecomposed;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetSet;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** The targets of a generated history pass the real target rules and reach every rep. */
class GeneratedTargetPlanTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
  private static final MetaData ADMIN = GeneratedHistoryFixture.ADMIN;

  @Test
  void every_year_the_organisation_existed_has_company_targets_decomposed_down_to_each_rep() {
    HistoryShape shape = new HistoryShape(1_500, 3, 50, 8, 3, 7);
    SalesHistory history = new SalesHistory(shape, LocalDate.now(CLOCK));
    OrganisationTimeline organisation = GeneratedHistoryFixture.organisationOf(history, CLOCK);
    List<DomainEventMessage<?>> events;
    try (AggregateSandbox sandbox = new AggregateSandbox(CLOCK, ADMIN, 30, organisation)) {
      new TargetPlan(shape, LocalDate.now(CLOCK)).commands(organisation).forEach(sandbox::send);
      assertThat(sandbox.refused()).as("target commands refused").isZero();
      events = sandbox.drain();
    }

    // the organisation starts on 2023-06-29: the years 2024, 2025 and 2026 have targets
    List<TargetSet> set =
        events.stream()
            .map(DomainEventMessage::getPayload)
            .filter(TargetSet.class::isInstance)
            .map(TargetSet.class::cast)
            .toList();
    Map<ScopeLevel, Long> perLevel =
        set.stream().collect(Collectors.groupingBy(t -> t.scope().level(), Collectors.counting()));
    int years = 3;
    int metrics = 2;
    assertThat(perLevel)
        .containsEntry(ScopeLevel.COMPANY, (long) years * metrics)
        .containsEntry(ScopeLevel.REGION, 4L * years * metrics)
        .containsEntry(ScopeLevel.TEAM, 8L * years * metrics)
        .containsEntry(ScopeLevel.REP, 24L * years * metrics);
    assertThat(set)
        .filteredOn(t -> t.scope().id().equals("rep1") && t.metric() == TargetMetric.REVENUE)
        .extracting(t -> t.period().toString())
        .containsExactly("2024", "2025", "2026");
    assertThat(events)
        .filteredOn(e -> e.getPayload() instanceof TargetDecomposed)
        .as("one decomposition for the company, each region and each team, per year and metric")
        .hasSize((1 + 4 + 8) * years * metrics);
  }

  @Test
  void shares_add_up_to_the_whole_and_none_is_empty() {
    Random random = new Random(3);
    for (int parts = 1; parts < 40; parts++) {
      BigDecimal total = BigDecimal.valueOf(1_000 + random.nextInt(10_000_000));
      List<BigDecimal> shares = TargetPlan.split(total, parts, random);
      assertThat(shares).hasSize(parts).allMatch(s -> s.signum() > 0);
      assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(total);
    }
  }
}
