package com.salesledger.launcher;

import com.salesledger.command.CommandSideApplication;
import com.salesledger.platform.db.EmbeddedPostgresServer;
import com.salesledger.query.QuerySideApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * The whole ledger in one process: an embedded PostgreSQL (unless an external database is
 * configured), the command side and the query side, each in its own Spring context. Closing it
 * stops them in reverse order.
 */
public final class Ledger implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Ledger.class);

  private final EmbeddedPostgresServer postgres;
  private final ConfigurableApplicationContext commandSide;
  private final ConfigurableApplicationContext querySide;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  Ledger(
      EmbeddedPostgresServer postgres,
      ConfigurableApplicationContext commandSide,
      ConfigurableApplicationContext querySide) {
    this.postgres = postgres;
    this.commandSide = commandSide;
    this.querySide = querySide;
  }

  /**
   * Starts the ledger. {@code defaults} are default properties: environment variables and system
   * properties override them.
   */
  public static Ledger start(Map<String, Object> defaults, String... args) {
    StandardEnvironment environment = new StandardEnvironment();
    Map<String, Object> properties = new HashMap<>(defaults);
    EmbeddedPostgresServer postgres = null;
    if (!hasExternalDatabase(environment, properties)) {
      String dataDir = setting(environment, properties, "ledger.data-dir", "./data");
      int port =
          Integer.parseInt(setting(environment, properties, "ledger.embedded-db.port", "54329"));
      postgres = EmbeddedPostgresServer.start(Path.of(dataDir), port);
      properties.put("spring.datasource.url", postgres.jdbcUrl());
      properties.put("spring.datasource.username", postgres.username());
      properties.put("spring.datasource.password", postgres.password());
      // the disk that fills up first is the database's: health watches it, not the working folder
      properties.putIfAbsent("management.health.diskspace.path", dataDir);
    }
    ConfigurableApplicationContext command = null;
    try {
      command = start(CommandSideApplication.builder(), properties, args);
      ConfigurableApplicationContext query =
          start(QuerySideApplication.builder(), properties, args);
      return new Ledger(postgres, command, query);
    } catch (RuntimeException | Error e) {
      if (command != null) {
        command.close();
      }
      if (postgres != null) {
        postgres.close();
      }
      throw e;
    }
  }

  private static ConfigurableApplicationContext start(
      SpringApplicationBuilder builder, Map<String, Object> properties, String... args) {
    // The launcher closes both contexts itself, in order, before the database goes.
    return builder.properties(properties).registerShutdownHook(false).run(args);
  }

  private static boolean hasExternalDatabase(
      StandardEnvironment environment, Map<String, Object> properties) {
    return properties.containsKey("spring.datasource.url")
        || environment.containsProperty("spring.datasource.url")
        || environment.containsProperty("DATABASE_URL");
  }

  private static String setting(
      StandardEnvironment environment,
      Map<String, Object> properties,
      String key,
      String fallback) {
    String value = environment.getProperty(key);
    if (value != null) {
      return value;
    }
    Object given = properties.get(key);
    return given != null ? given.toString() : fallback;
  }

  /** The embedded server, when the ledger runs one (not with an external database). */
  public Optional<EmbeddedPostgresServer> embeddedDatabase() {
    return Optional.ofNullable(postgres);
  }

  public ConfigurableApplicationContext commandSide() {
    return commandSide;
  }

  public ConfigurableApplicationContext querySide() {
    return querySide;
  }

  public int commandPort() {
    return port(commandSide);
  }

  public int queryPort() {
    return port(querySide);
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /**
   * Idempotent: the signal handler and the shutdown hook may both call it. Each part is stopped
   * even when an earlier one failed to (the failure is logged), and {@link #awaitStopped()} returns
   * in every case. A stop was seen to leave the query side's connectors paused while the command
   * side went on and the launcher waited for ever (cause not reproduced; see LedgerStopTest).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      stopQuietly("the query side", querySide::close);
      stopQuietly("the command side", commandSide::close);
      if (postgres != null) {
        stopQuietly("the embedded PostgreSQL", postgres::close);
      }
    } finally {
      stopped.countDown();
    }
  }

  private static void stopQuietly(String what, Runnable stop) {
    try {
      stop.run();
    } catch (RuntimeException | Error e) {
      log.error("Stopping {} failed; stopping the rest", what, e);
    }
  }

  /**
   * Blocks until {@link #close()} has finished. The launcher's main thread waits here so the JVM
   * cannot exit (its last web threads gone) while the database is still being stopped.
   */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }
}
