package com.salesledger.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One ledger for all HTTP tests of this JVM: a real embedded PostgreSQL in a temporary folder on a
 * free port, both apps on free ports, the demo users on and no demo data. Tests keep out of each
 * other's way by using ids and names of their own.
 */
final class SharedLedger {

  private static final Map<Path, Optional<Map<String, Object>>> EXTERNAL_DATABASES =
      new ConcurrentHashMap<>();
  private static Ledger ledger;
  private static Path sharedDataDir;

  private SharedLedger() {}

  static synchronized Ledger get() {
    if (ledger == null) {
      Path dataDir = tempDir();
      Ledger started = start(dataDir, Map.of());
      ledger = started;
      sharedDataDir = dataDir;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.close();
                    deleteRecursively(dataDir);
                  }));
    }
    return ledger;
  }

  /** The shared ledger's data folder. */
  static synchronized Path dataDir() {
    get();
    return sharedDataDir;
  }

  /**
   * The database settings {@code context} runs on, as properties for a second instance on the same
   * database (a mutable copy).
   */
  static Map<String, Object> databaseOf(
      org.springframework.context.ConfigurableApplicationContext context) {
    Map<String, Object> settings = new HashMap<>();
    for (String key :
        java.util.List.of(
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password")) {
      String value = context.getEnvironment().getProperty(key);
      if (value != null) {
        settings.put(key, value);
      }
    }
    return settings;
  }

  /** A ledger of its own, e.g. to restart it; the caller closes it. */
  static Ledger start(Path dataDir, Map<String, Object> extra) {
    Map<String, Object> properties = properties(dataDir, extra);
    if (TestAxonServer.isNamed()) {
      // Axon Server routes a command to any connected command side, whichever database it uses.
      closeShared();
    }
    // On an external server, one database per data folder: a restart finds its data again.
    EXTERNAL_DATABASES
        .computeIfAbsent(dataDir, dir -> ExternalTestDatabase.freshDatabase())
        .ifPresent(properties::putAll);
    Ledger started = Ledger.start(properties);
    if (TestAxonServer.isNamed()) {
      awaitProjectionsAtHead(started);
    }
    withOrganisation(started, extra);
    return started;
  }

  /**
   * On a shared Axon Server a fresh test database first replays every event earlier tests left
   * there; until then queries rightly answer 503. Tests start once the replay is done, as a client
   * would retry.
   */
  private static void awaitProjectionsAtHead(Ledger ledger) {
    long head = StoredEvents.lastPosition(ledger);
    var processors =
        ledger
            .querySide()
            .getBean(org.axonframework.config.EventProcessingConfiguration.class)
            .eventProcessors()
            .values()
            .stream()
            .filter(p -> p instanceof org.axonframework.eventhandling.StreamingEventProcessor)
            .map(p -> (org.axonframework.eventhandling.StreamingEventProcessor) p)
            .toList();
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
    while (!processors.stream()
        .allMatch(
            p ->
                !p.processingStatus().isEmpty()
                    && p.processingStatus().values().stream()
                        .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the query side did not replay Axon Server's events to " + head);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** A ledger on its own embedded PostgreSQL even when the tests run on an external server. */
  static Ledger startEmbedded(Path dataDir, Map<String, Object> extra) {
    return withOrganisation(Ledger.start(properties(dataDir, extra)), extra);
  }

  /**
   * Every test ledger has the baseline organisation ({@link TestOrganisation}), except one that
   * loads demo data (which brings its own) or has no demo users to send it as.
   */
  private static Ledger withOrganisation(Ledger ledger, Map<String, Object> extra) {
    if (!"true".equals(String.valueOf(extra.get("ledger.demo.enabled")))
        && !"false".equals(String.valueOf(extra.get("ledger.security.demo-users")))) {
      TestOrganisation.establish(ledger);
    }
    return ledger;
  }

  private static Map<String, Object> properties(Path dataDir, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("ledger.data-dir", dataDir.toString());
    properties.put("ledger.embedded-db.port", "0");
    properties.put("LEDGER_COMMAND_PORT", "0");
    properties.put("LEDGER_QUERY_PORT", "0");
    properties.put("ledger.security.demo-users", "true");
    properties.put("ledger.demo.enabled", "false");
    properties.put("ledger.query.max-wait-ms", "3000");
    properties.putAll(extra);
    properties.putAll(TestAxonServer.settings());
    return properties;
  }

  /**
   * For a test that loads demo data, which goes into an empty event store only: on Axon Server the
   * events earlier tests left there are purged first (no ledger may be connected meanwhile).
   */
  static void emptyEventStoreForDemoData() {
    if (TestAxonServer.isNamed()) {
      closeShared();
      TestAxonServer.purgeEvents();
    }
  }

  /** Stops the shared ledger, if running; the next {@link #get()} starts a fresh one. */
  static synchronized void closeShared() {
    if (ledger != null) {
      ledger.close();
      ledger = null;
    }
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("ledger-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Only a temporary folder is left behind.
    }
  }

  static Api command(String user) {
    return Api.at(get().commandPort(), user);
  }

  static Api query(String user) {
    return Api.at(get().queryPort(), user);
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
