package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesledger.launcher.FuzzAttacks.Attack;
import com.salesledger.launcher.FuzzEndpoints.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Property-based fuzzing of every endpoint of both apps (read from their OpenAPI documents): for
 * any generated request, the answer is never a 5xx, every error is problem+json with status, title
 * and detail and no stack trace, and a refused command writes no event. The number of cases is
 * {@code jqwik.tries.default} (src/test/resources/junit-platform.properties; override with {@code
 * -Djqwik.tries.default=N}). A summary of the last run is written to target/fuzz-summary.txt.
 */
class EndpointFuzzTest {

  private static List<Endpoint> endpoints;
  private static FuzzAttacks attacks;
  private static final Map<String, AtomicLong> STATUSES = new ConcurrentSkipListMap<>();
  private static final Map<String, AtomicLong> ENDPOINTS = new ConcurrentHashMap<>();
  private static final AtomicLong CASES = new AtomicLong();

  @Provide
  Arbitrary<Attack> attacks() {
    prepare();
    return Combinators.combine(Arbitraries.of(endpoints), Arbitraries.longs())
        .as((endpoint, seed) -> attacks.build(endpoint, seed));
  }

  @Property(shrinking = ShrinkingMode.OFF)
  void no_request_breaks_the_ledger(@ForAll("attacks") Attack attack) {
    long before = eventCount();
    Api.Response response = send(attack);
    long after = eventCount();
    int status = response.status();
    CASES.incrementAndGet();
    STATUSES.computeIfAbsent(Integer.toString(status), s -> new AtomicLong()).incrementAndGet();
    ENDPOINTS
        .computeIfAbsent(attack.endpoint().toString(), s -> new AtomicLong())
        .incrementAndGet();
    Statistics.label("status").collect(status);

    String what = attack + "\n=> " + status + " " + response.contentType() + " " + response.text();
    assertThat(status).as("never a 5xx: " + what).isLessThan(500);
    if (status >= 400) {
      assertThat(response.contentType()).as(what).startsWith("application/problem+json");
      JsonNode problem = response.json();
      assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
      assertThat(problem.path("title").asText()).as(what).isNotBlank();
      assertThat(problem.path("detail").asText()).as(what).isNotBlank();
      assertThat(response.text())
          .as("no stack trace or internals: " + what)
          .doesNotContain("Exception", "\tat ", "org.springframework", "org.axonframework", "SQL");
      assertThat(after).as("a refused request writes no event: " + what).isEqualTo(before);
    }
  }

  @AfterContainer
  static void summary() throws IOException {
    if (endpoints == null) {
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add("cases: " + CASES.get());
    lines.add("endpoints: " + endpoints.size() + " (" + ENDPOINTS.size() + " exercised)");
    lines.add("statuses: " + STATUSES);
    new TreeMap<>(ENDPOINTS)
        .forEach((endpoint, count) -> lines.add("  " + endpoint + ": " + count));
    Path file = Path.of("target", "fuzz-summary.txt");
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
    lines.forEach(System.out::println);
  }

  private static synchronized void prepare() {
    if (endpoints != null) {
      return;
    }
    Ledger ledger = SharedLedger.get();
    List<Endpoint> all = new ArrayList<>();
    all.addAll(FuzzEndpoints.read("command", ledger.commandPort()));
    all.addAll(FuzzEndpoints.read("query", ledger.queryPort()));
    assertThat(all).as("endpoints from the OpenAPI documents").hasSizeGreaterThan(10);
    endpoints = all;
    attacks = new FuzzAttacks(knownIds());
  }

  /** A won deal and its invoice, so that many generated requests reach the aggregates' rules. */
  private static Map<String, String> knownIds() {
    Api manager = SharedLedger.command("manager1");
    Api.Response opened = manager.post("/api/deals", TestDeals.dealFor("rep1"));
    String dealId = opened.json().get("dealId").asText();
    manager.post(
        "/api/deals/" + dealId + "/win",
        Map.of("finalAmount", "5000.00", "cost", "1000.00", "closeDate", "2025-02-01"));
    String invoiceId = SharedLedger.unique("INV-FZ");
    SharedLedger.command("finance1")
        .post(
            "/api/invoices",
            Map.of(
                "invoiceId",
                invoiceId,
                "dealId",
                dealId,
                "amount",
                "4000.00",
                "issueDate",
                "2025-02-15"));
    return Map.of(
        "dealId",
        dealId,
        "invoiceId",
        invoiceId,
        "customerId",
        "cust-fz",
        "processor",
        "deals",
        "paymentId",
        SharedLedger.unique("PAY-FZ"));
  }

  private static Api.Response send(Attack attack) {
    Api api = Api.at(attack.endpoint().port(), attack.user().isEmpty() ? null : attack.user());
    for (Map.Entry<String, String> header : attack.headers().entrySet()) {
      api = api.header(header.getKey(), header.getValue());
    }
    return api.send(attack.method(), attack.pathAndQuery(), attack.contentType(), attack.body());
  }

  private static long eventCount() {
    return SharedLedger.get()
        .commandSide()
        .getBean(JdbcTemplate.class)
        .queryForObject("select count(*) from domain_event_entry", Long.class);
  }
}
