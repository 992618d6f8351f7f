package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.query.QuerySideApplication;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two query-side instances on one database split every processor's four segments two and two; each
 * event is handled exactly once (the additive figures equal counts taken from the events
 * themselves), and read-your-writes holds on either instance. The counts are taken from the JDBC
 * event table, so it runs on the embedded default and an external PostgreSQL, not on Axon Server.
 */
// Suite "jdbc-event-store": counts events in the JDBC event table, which Axon Server leaves empty.
@Tag(TestSuites.JDBC_EVENT_STORE)
class TwoQuerySidesTest {

  private static final List<String> PROCESSORS =
      List.of("deals", "sales", "receivables", "credit", "targets", "organisation");
  private static Path dataDir;
  private static Ledger ledger;
  private static ConfigurableApplicationContext second;

  @BeforeAll
  static void start() {
    dataDir = SharedLedger.tempDir();
    Map<String, Object> split =
        Map.of(
            "ledger.demo.enabled", "true",
            "ledger.demo.deals", "300",
            "ledger.processors.max-claimed-segments", "2");
    ledger = SharedLedger.start(dataDir, split);
    Map<String, Object> settings = SharedLedger.databaseOf(ledger.querySide());
    settings.putAll(
        Map.of(
            "LEDGER_QUERY_PORT", "0",
            "ledger.security.demo-users", "true",
            "ledger.node-id", "second-query-side",
            "ledger.processors.max-claimed-segments", "2"));
    second = QuerySideApplication.builder().properties(settings).run();
  }

  @AfterAll
  static void stop() {
    second.close();
    ledger.close();
    SharedLedger.deleteRecursively(dataDir);
  }

  @Test
  void two_instances_split_the_segments_and_handle_each_event_exactly_once() throws Exception {
    awaitSplit();
    JdbcTemplate jdbc = ledger.querySide().getBean(JdbcTemplate.class);
    awaitAll(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
    List<String> open =
        jdbc.queryForList(
            "select deal_id from deal_view where status = 'OPEN' and team in (select team from"
                + " deal_view where owner_rep in ('rep1', 'rep2')) order by deal_id limit 40",
            String.class);
    assertThat(open).as("open deals in manager1's team").hasSizeGreaterThanOrEqualTo(4);
    Api manager = Api.at(ledger.commandPort(), "manager1");
    long position = 0;
    for (int i = 0; i < open.size(); i++) {
      Api.Response answer =
          i % 2 == 0
              ? manager.post(
                  "/api/deals/" + open.get(i) + "/win",
                  Map.of(
                      "finalAmount", 1000 + i, "cost", 10, "closeDate", LocalDate.now().toString()))
              : manager.post(
                  "/api/deals/" + open.get(i) + "/lose",
                  Map.of("reason", "no budget", "closeDate", LocalDate.now().toString()));
      assertThat(answer.status()).as(answer.text()).isEqualTo(200);
      position = answer.position();
      int queryPort = i % 2 == 0 ? ledger.queryPort() : port(second);
      Api.Response seen = readYourWrite(queryPort, open.get(i), position);
      assertThat(seen.status()).isEqualTo(200);
      assertThat(seen.json().get("status").asText())
          .as("read-your-writes on either instance")
          .isEqualTo(i % 2 == 0 ? "WON" : "LOST");
    }
    awaitAll(position);

    assertThat(jdbc.queryForObject("select count(*) from deal_view", Long.class))
        .isEqualTo(events(jdbc, "DealOpened"));
    assertThat(jdbc.queryForObject("select sum(deals_won) from sales_month", Long.class))
        .isEqualTo(events(jdbc, "DealWon"));
    assertThat(jdbc.queryForObject("select sum(deals_lost) from sales_month", Long.class))
        .isEqualTo(events(jdbc, "DealLost"));
    assertThat(
            jdbc.queryForObject(
                "select sum(revenue) = (select sum(final_amount) from deal_view where status = 'WON')"
                    + " from sales_month",
                Boolean.class))
        .isTrue();
    assertThat(jdbc.queryForObject("select count(*) from invoice_movement", Long.class))
        .isEqualTo(
            events(jdbc, "PaymentReceived")
                + events(jdbc, "CreditNoteIssued")
                + events(jdbc, "InvoiceWrittenOff"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from invoice_view v where paid <> coalesce((select sum(amount)"
                    + " from invoice_movement m where m.invoice_id = v.invoice_id"
                    + " and kind = 'paid'), 0)",
                Long.class))
        .isZero();
  }

  /** Like any client: a 503 (not there yet, Retry-After) is asked again, a few times. */
  private static Api.Response readYourWrite(int port, String dealId, long position)
      throws InterruptedException {
    Api.Response seen = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      seen = Api.at(port, "manager1").get("/api/deals/" + dealId + "?minPosition=" + position);
      if (seen.status() != 503) {
        return seen;
      }
      Thread.sleep(1000);
    }
    return seen;
  }

  private static long events(JdbcTemplate jdbc, String type) {
    return jdbc.queryForObject(
        "select count(*) from domain_event_entry where payload_type like ?",
        Long.class,
        "%." + type);
  }

  private static void awaitSplit() throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      boolean split = true;
      for (ConfigurableApplicationContext side : List.of(ledger.querySide(), second)) {
        EventProcessingConfiguration processing = side.getBean(EventProcessingConfiguration.class);
        for (String name : PROCESSORS) {
          split &=
              processing
                      .eventProcessor(name, StreamingEventProcessor.class)
                      .orElseThrow()
                      .processingStatus()
                      .size()
                  == 2;
        }
      }
      if (split) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the instances did not split the segments two and two");
  }

  private static void awaitAll(long position) throws InterruptedException {
    Api admin = Api.at(port(second), "admin");
    for (int i = 0; i < 300; i++) {
      boolean all = true;
      for (var p : admin.get("/api/admin/projections").json().get("projections")) {
        all &= p.get("position").asLong() >= position;
      }
      if (all) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("projections did not reach " + position);
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }
}
