package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.platform.db.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every PostgreSQL process of the ledger is killed (SIGKILL) while clients issue invoices (two
 * events on two aggregates and an Idempotency-Key row per command). The ledger restarts its
 * database by itself; every command it acknowledged is in the event store, none is half-applied,
 * the answers meanwhile are 503 and come quickly, and the projections catch up.
 */
// Suite "jdbc-event-store": kills the PostgreSQL that holds the events; with Axon Server the
// events are elsewhere (IdempotencyAcrossStoresTest covers a lost key row there).
@Tag(TestSuites.JDBC_EVENT_STORE)
class DatabaseCrashTest {

  private static final int SENDERS = 6;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
  private static final long SERVING_AGAIN_FOR_MS = 2_000;

  private record Sent(String invoiceId, int status, long startedMs, long tookMs, String text) {}

  private Path dataDir;
  private Ledger ledger;

  @BeforeEach
  void start() {
    dataDir = SharedLedger.tempDir();
    ledger = SharedLedger.startEmbedded(dataDir, Map.of());
  }

  @AfterEach
  void stop() {
    ledger.close();
    SharedLedger.deleteRecursively(dataDir);
  }

  @Test
  void a_killed_database_loses_no_acknowledged_command_and_the_ledger_serves_again_by_itself()
      throws Exception {
    Api manager = Api.at(ledger.commandPort(), "manager1");
    Api finance = Api.at(ledger.commandPort(), "finance1");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    List<String> deals = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      deals.add(wonDeal(manager, today));
    }

    ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    AtomicBoolean sending = new AtomicBoolean(true);
    long start = System.currentTimeMillis();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    List<Future<?>> running = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      String dealId = deals.get(s);
      String prefix = "INV-crash-" + s + "-";
      running.add(
          senders.submit(
              () -> {
                for (int n = 0; sending.get(); n++) {
                  String invoiceId = prefix + n;
                  long began = System.currentTimeMillis();
                  Api.Response answer =
                      finance
                          .header("Idempotency-Key", invoiceId)
                          .post(
                              "/api/invoices",
                              Map.of(
                                  "invoiceId", invoiceId,
                                  "dealId", dealId,
                                  "amount", "1.00",
                                  "issueDate", today));
                  long took = System.currentTimeMillis() - began;
                  sent.add(
                      new Sent(invoiceId, answer.status(), began - start, took, answer.text()));
                  if (answer.status() == 503) {
                    assertThat(answer.headers()).containsKey("retry-after");
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                  }
                }
                return null;
              }));
    }
    awaitAcknowledged(sent, s -> true, ACKNOWLEDGED_BEFORE_KILL);
    EmbeddedPostgresServer database = ledger.embeddedDatabase().orElseThrow();
    long killedAt = System.currentTimeMillis() - start;
    long killedPid = database.serverProcess().pid();
    killEveryProcess(database.serverProcess());
    awaitAcknowledged(sent, s -> s.startedMs() > killedAt, 1);
    Thread.sleep(SERVING_AGAIN_FOR_MS);
    sending.set(false);
    for (Future<?> sender : running) {
      sender.get();
    }
    senders.shutdown();

    List<Sent> answers = new ArrayList<>(sent);
    Set<String> acknowledged = new HashSet<>();
    long unavailable = 0;
    long slowest503 = 0;
    long firstOkAfterKill = -1;
    for (Sent s : answers) {
      assertThat(s.status()).as(s.invoiceId() + ": " + s.text()).isIn(201, 503);
      if (s.status() == 201) {
        acknowledged.add(s.invoiceId());
        if (s.startedMs() > killedAt
            && (firstOkAfterKill < 0 || s.startedMs() < firstOkAfterKill)) {
          firstOkAfterKill = s.startedMs();
        }
      } else {
        unavailable++;
        slowest503 = Math.max(slowest503, s.tookMs());
      }
    }
    assertThat(database.serverProcess().pid()).as("a new server").isNotEqualTo(killedPid);
    assertThat(unavailable).as("the outage was seen").isPositive();
    assertThat(slowest503)
        .as("a 503 comes within a second or two, never after 30 s")
        .isLessThan(5_000);
    assertThat(firstOkAfterKill).as("serving again without an operator").isPositive();

    JdbcTemplate store = ledger.commandSide().getBean(JdbcTemplate.class);
    Set<String> invoicesStored = new HashSet<>(invoiceIds(store, "InvoiceIssued"));
    List<String> dealsInvoiced = invoiceIds(store, "DealInvoiced");
    Set<String> keysStored =
        new HashSet<>(
            store.queryForList(
                "select idem_key from idempotency_key where idem_key like 'INV-crash-%'",
                String.class));
    System.out.printf(
        "crash test: %d commands sent, %d acknowledged (%d after the kill at %d ms), %d answered"
            + " 503 (slowest %d ms), serving again %d ms after the kill; %d stored%n",
        answers.size(),
        acknowledged.size(),
        answers.stream().filter(s -> s.status() == 201 && s.startedMs() > killedAt).count(),
        killedAt,
        unavailable,
        slowest503,
        firstOkAfterKill - killedAt,
        invoicesStored.size());

    assertThat(invoicesStored).as("every acknowledged command is stored").containsAll(acknowledged);
    assertThat(new HashSet<>(dealsInvoiced))
        .as("no command half-applied: both aggregates and the key, or nothing")
        .isEqualTo(invoicesStored)
        .isEqualTo(keysStored);
    assertThat(dealsInvoiced).doesNotHaveDuplicates();

    awaitProjected(invoicesStored.size());
  }

  private static void awaitAcknowledged(
      ConcurrentLinkedQueue<Sent> sent, Predicate<Sent> which, int count)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (sent.stream().filter(s -> s.status() == 201 && which.test(s)).count() < count) {
      assertThat(System.currentTimeMillis())
          .as("commands acknowledged in time")
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private void awaitProjected(int invoices) throws InterruptedException {
    JdbcTemplate readModels = ledger.querySide().getBean(JdbcTemplate.class);
    long deadline = System.currentTimeMillis() + 60_000;
    int projected = 0;
    while (System.currentTimeMillis() < deadline) {
      projected =
          readModels.queryForObject(
              "select count(*) from invoice_view where invoice_id like 'INV-crash-%'",
              Integer.class);
      if (projected == invoices) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(projected).as("the projections resumed and caught up").isEqualTo(invoices);
  }

  private static List<String> invoiceIds(JdbcTemplate store, String eventType) {
    return store.queryForList(
        "select convert_from(payload, 'UTF8')::jsonb ->> 'invoiceId' from domain_event_entry"
            + " where payload_type like ? and convert_from(payload, 'UTF8')::jsonb ->> 'invoiceId'"
            + " like 'INV-crash-%'",
        String.class, "%." + eventType);
  }

  private static String wonDeal(Api manager, String today) {
    Map<String, Object> body = TestDeals.dealFor("rep1");
    body.put("openedOn", today);
    body.put("expectedCloseDate", today);
    Api.Response opened = manager.post("/api/deals", body);
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    String dealId = opened.json().get("dealId").asText();
    Api.Response won =
        manager.post(
            "/api/deals/" + dealId + "/win",
            Map.of("finalAmount", "1000000.00", "cost", "1.00", "closeDate", today));
    assertThat(won.status()).as(won.text()).isEqualTo(200);
    return dealId;
  }

  /** SIGKILL to the server and every process it started, all at once. */
  static void killEveryProcess(ProcessHandle postmaster) {
    List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
    all.add(postmaster);
    all.forEach(ProcessHandle::destroyForcibly);
  }
}
