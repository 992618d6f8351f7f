package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealStage;
import com.salesledger.events.deal.DealStageChanged;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.receivable.CreditNoteIssued;
import com.salesledger.events.receivable.InvoiceIssued;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events written straight into the event store (bypassing every check of the API) with values no
 * request could carry: NUL and other control characters, bidirectional controls, names longer than
 * the read models' columns, dates far outside PostgreSQL's range, amounts beyond any column. Every
 * projection goes on: text is stored (NUL as U+FFFD), what no column can hold is parked in the
 * dead-letter queue with the rest of its aggregate behind it, health says DEGRADED and names it,
 * and an ADMIN can list, retry and evict it.
 */
// Suite "jdbc-event-store": writes poison rows straight into the JDBC event table, which Axon
// Server does not read.
@Tag(TestSuites.JDBC_EVENT_STORE)
class PoisonEventTest {

  private static Path dataDir;
  private static Ledger ledger;

  @BeforeAll
  static void start() {
    dataDir = SharedLedger.tempDir();
    ledger = SharedLedger.start(dataDir, Map.of());
  }

  @AfterAll
  static void stop() {
    ledger.close();
    SharedLedger.deleteRecursively(dataDir);
  }

  @Test
  void poison_events_never_stop_a_projection_and_are_parked_visibly() {
    String nul = "P-nul";
    publish(
        "Deal", nul, 0, opened(nul, "a\u0000b", "rep\u0001x", "t\u202eeam", "1.00", date(2025)));
    publish(
        "Deal",
        nul,
        1,
        new DealWon(
            nul,
            "a\u0000b",
            "rep\u0001x",
            "t\u202eeam",
            "north",
            "soft\u0000ware",
            new BigDecimal("1.00"),
            BigDecimal.ZERO,
            "EUR",
            date(2025),
            date(2025)));
    String extreme = "P-extreme";
    publish("Deal", extreme, 0, opened(extreme, "c", "r", "t", "1e20", LocalDate.MAX));
    publish("Deal", extreme, 1, new DealStageChanged(extreme, DealStage.LEAD, DealStage.PROPOSAL));
    String longName = "P-long";
    publish("Deal", longName, 0, opened(longName, "x".repeat(5000), "r", "t", "1.00", date(2025)));
    publish(
        "Invoice",
        "INV-nul",
        0,
        new InvoiceIssued(
            "INV-nul",
            nul,
            "a\u0000b",
            "rep\u0001x",
            "t",
            "north",
            new BigDecimal("1.00"),
            "EUR",
            date(2025),
            date(2025).plusDays(30)));
    publish(
        "Invoice",
        "INV-nul",
        1,
        new CreditNoteIssued(
            "INV-nul",
            "CN-\u0000",
            new BigDecimal("0.50"),
            date(2025),
            "\u0000",
            new BigDecimal("0.50")));

    // A valid deal through the API after the poison: every projection must reach it.
    Api rep = Api.at(ledger.commandPort(), "rep1");
    Api.Response valid = rep.post("/api/deals", TestDeals.dealFor("rep1"));
    assertThat(valid.status()).as(valid.text()).isEqualTo(201);
    long position = valid.position();
    Api admin = Api.at(ledger.queryPort(), "admin");
    String validId = valid.json().get("dealId").asText();
    // A batch that fails is retried after the processor's back-off, one event at a time.
    Api.Response seen = admin.get("/api/deals/" + validId + "?minPosition=" + position);
    long until = System.currentTimeMillis() + 60_000;
    while (seen.status() == 503 && System.currentTimeMillis() < until) {
      seen = admin.get("/api/deals/" + validId + "?minPosition=" + position);
    }
    assertThat(seen.status()).as(seen.text()).isEqualTo(200);
    assertThat(
            admin
                .get("/api/dashboard/sales?period=2025&groupBy=rep&minPosition=" + position)
                .status())
        .isEqualTo(200);

    // Text the store accepted is in the read models, NUL shown as U+FFFD.
    JsonNode stored = admin.get("/api/deals/" + nul).json();
    assertThat(stored.get("customerId").asText()).isEqualTo("a\uFFFDb");
    JsonNode invoice =
        admin
            .get("/api/receivables/invoices/INV-nul?asOf=2025-12-31&minPosition=" + position)
            .json();
    assertThat(invoice.get("credited").decimalValue()).isEqualByComparingTo("0.50");
    assertThat(invoice.get("customerId").asText()).isEqualTo("a\uFFFDb");

    // What no column holds is parked, with the later event of that deal behind it.
    JsonNode letters = admin.get("/api/admin/dead-letters").json().get("processors");
    JsonNode deals = letters.get("deals");
    assertThat(deals.get("count").asLong()).isEqualTo(3);
    assertThat(deals.get("deadLetters").findValuesAsText("aggregateId"))
        .containsExactlyInAnyOrder(extreme, extreme, longName);
    assertThat(deals.get("deadLetters").findValuesAsText("eventType"))
        .contains(DealOpened.class.getName(), DealStageChanged.class.getName());
    assertThat(admin.get("/api/deals/" + extreme).status()).isEqualTo(404);

    // Health names the processor and the event.
    // Health details are shown to a signed-in user only.
    Api.Response health = Api.at(ledger.queryPort(), "admin").get("/actuator/health");
    assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
    JsonNode parked = health.json().at("/components/deadLetterQueues/details/processors/deals");
    assertThat(parked.get("deadLetters").asLong()).isEqualTo(3);
    assertThat(parked.at("/first/eventType").asText()).isNotBlank();
    assertThat(parked.at("/first/eventId").asText()).isNotBlank();

    // Retrying cannot help these; evicting removes them from the projection, not from the store.
    String head =
        deals.get("deadLetters").findValues("eventId").stream()
            .map(JsonNode::asText)
            .findFirst()
            .orElseThrow();
    Api.Response retried =
        admin.send("POST", "/api/admin/dead-letters/deals/" + head + "/retry", null, null);
    assertThat(retried.status()).as(retried.text()).isEqualTo(200);
    assertThat(retried.json().get("handled").asBoolean()).isFalse();
    assertThat(retried.json().get("remaining").asLong()).isEqualTo(3);
    assertThat(Api.at(ledger.queryPort(), "manager1").get("/api/admin/dead-letters").status())
        .isEqualTo(403);
    long events = eventCount();
    for (String processor : new String[] {"deals", "sales", "receivables"}) {
      for (JsonNode letter : letters.get(processor).get("deadLetters")) {
        Api.Response evicted =
            admin.send(
                "DELETE",
                "/api/admin/dead-letters/" + processor + "/" + letter.get("eventId").asText(),
                null,
                null);
        assertThat(evicted.status()).as(evicted.text()).isEqualTo(200);
      }
    }
    assertThat(admin.get("/api/admin/dead-letters").json().findValuesAsText("count"))
        .containsOnly("0");
    assertThat(eventCount()).isEqualTo(events);
    assertThat(
            Api.at(ledger.queryPort(), null).get("/actuator/health").json().get("status").asText())
        .isEqualTo("UP");
  }

  @Test
  void a_parked_event_is_applied_when_retried_after_the_cause_is_fixed() throws Exception {
    JdbcTemplate jdbc = ledger.querySide().getBean(JdbcTemplate.class);
    jdbc.execute(
        "alter table deal_view add constraint test_blocked check (customer_id <> 'blocked')");
    String blocked = "P-blocked";
    try {
      publish("Deal", blocked, 0, opened(blocked, "blocked", "r", "t", "1.00", date(2024)));
      publish(
          "Deal", blocked, 1, new DealStageChanged(blocked, DealStage.LEAD, DealStage.PROPOSAL));
      Api admin = Api.at(ledger.queryPort(), "admin");
      long deadline = System.currentTimeMillis() + 60_000;
      while (parked(admin, blocked) < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(parked(admin, blocked)).isEqualTo(2);
    } finally {
      jdbc.execute("alter table deal_view drop constraint test_blocked");
    }
    Api admin = Api.at(ledger.queryPort(), "admin");
    long generation = generation(jdbc);
    Api.Response retried = admin.send("POST", "/api/admin/dead-letters/deals/retry", null, null);
    assertThat(retried.status()).as(retried.text()).isEqualTo(200);
    // the retry changed the read model without moving a token: kept answers must not survive it
    assertThat(generation(jdbc)).isGreaterThan(generation);
    assertThat(parked(admin, blocked)).isZero();
    JsonNode deal = admin.get("/api/deals/" + blocked).json();
    assertThat(deal.get("stage").asText()).isEqualTo("PROPOSAL");
    assertThat(admin.send("POST", "/api/admin/dead-letters/nope/retry", null, null).status())
        .isEqualTo(404);
  }

  private static long generation(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select generation from read_model_generation", Long.class);
  }

  private static long parked(Api admin, String aggregateId) {
    return admin
        .get("/api/admin/dead-letters?processor=deals")
        .json()
        .findValuesAsText("aggregateId")
        .stream()
        .filter(aggregateId::equals)
        .count();
  }

  private static DealOpened opened(
      String dealId, String customer, String rep, String team, String amount, LocalDate close) {
    return new DealOpened(
        dealId,
        customer,
        rep,
        team,
        "north",
        "software",
        new BigDecimal(amount),
        "EUR",
        close,
        date(2025),
        DealStage.LEAD);
  }

  private static LocalDate date(int year) {
    return LocalDate.of(year, 1, 15);
  }

  private static void publish(String type, String aggregateId, long sequence, Object payload) {
    ledger
        .commandSide()
        .getBean(EventStore.class)
        .publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload));
  }

  private static long eventCount() {
    return ledger
        .commandSide()
        .getBean(JdbcTemplate.class)
        .queryForObject("select count(*) from domain_event_entry", Long.class);
  }
}
