package com.salesledger.query.common;

import com.salesledger.platform.db.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The query side's read-model schema on a real PostgreSQL for projection and read-model tests: one
 * embedded server per test JVM, in a temporary folder on a free port, migrated by the same Flyway
 * scripts the app runs. Tests start from {@link #emptied()}, which empties every read-model table.
 */
public final class ReadModelDatabase {

  private static ReadModelDatabase instance;

  private final HikariDataSource dataSource;
  private final JdbcTemplate jdbc;

  private ReadModelDatabase(EmbeddedPostgresServer server) {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(server.jdbcUrl());
    dataSource.setUsername(server.username());
    dataSource.setPassword(server.password());
    dataSource.setMaximumPoolSize(8);
    // as the apps run (ledger.properties): the driver turns a batch into multi-row statements,
    // which PostgreSQL refuses when two rows of one upsert hit the same key
    dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/query")
        .table("flyway_history_query")
        .load()
        .migrate();
    jdbc = new JdbcTemplate(dataSource);
  }

  /** The shared database, started on first use and stopped when the test JVM ends. */
  public static synchronized ReadModelDatabase get() {
    if (instance == null) {
      Path folder = temporaryFolder();
      EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, 0);
      try {
        instance = new ReadModelDatabase(server);
      } catch (RuntimeException failed) {
        // a migration that fails must not leave its PostgreSQL running (seen: one server per
        // test class of a run whose new migration failed, alive long after the test JVM)
        server.close();
        deleteRecursively(folder);
        throw failed;
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    instance.dataSource.close();
                    server.close();
                    deleteRecursively(folder);
                  }));
    }
    return instance;
  }

  /** The shared database with every read-model table emptied. */
  public static ReadModelDatabase emptied() {
    ReadModelDatabase db = get();
    List<String> tables =
        db.jdbc.queryForList(
            "select quote_ident(tablename) from pg_tables where schemaname = current_schema()"
                + " and tablename <> 'flyway_history_query'",
            String.class);
    if (!tables.isEmpty()) {
      db.jdbc.execute("truncate " + String.join(", ", tables));
    }
    return db;
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs {@code asTheOlderReader} in a repeatable-read snapshot taken before {@code meanwhile} ran
   * and committed elsewhere (another thread and connection): a reader that began before other
   * writes and asks after them.
   */
  public void olderReader(Runnable meanwhile, Runnable asTheOlderReader) {
    TransactionTemplate snapshot =
        new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.executeWithoutResult(
        tx -> {
          jdbc.queryForObject("select 1", Integer.class); // the snapshot is taken here
          java.util.concurrent.CompletableFuture.runAsync(meanwhile).join();
          asTheOlderReader.run();
        });
  }

  /** Swaps two tables' names, as a rebuild swaps its shadow table in. */
  public void swap(String table, String other) {
    jdbc.execute(
        "alter table "
            + table
            + " rename to swapping; alter table "
            + other
            + " rename to "
            + table
            + "; alter table swapping rename to "
            + other);
  }

  private static void deleteRecursively(Path folder) {
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Leftovers in the temporary folder do not fail a finished test run.
    }
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("read-model-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
