package com.salesledger.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that ship as a Maven dependency, so the ledger
 * runs on a machine with no database installed. It owns its data folder: only one live process may
 * use the folder, a server left behind by a killed earlier run is stopped before a fresh one
 * starts, and the server is checked to serve this folder before anyone uses it. It listens on
 * loopback only and needs the password kept in the data folder. A watchdog restarts it when it
 * dies; whoever starts it closes it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String USER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final long STARTUP_WAIT_MS = 60_000;
  private static final long MAX_RESTART_DELAY_MS = 5_000;

  private final Path dataFolder;
  private final PostgresCluster cluster;
  private final DataFolderLock ownership;
  private final String password;
  private final int port;
  private final Thread watchdog;
  private volatile Process postmaster;
  private volatile boolean closing;

  private EmbeddedPostgresServer(
      Path dataFolder,
      PostgresCluster cluster,
      DataFolderLock ownership,
      String password,
      int port) {
    this.dataFolder = dataFolder;
    this.cluster = cluster;
    this.ownership = ownership;
    this.password = password;
    this.port = port;
    this.watchdog = new Thread(this::watch, "embedded-postgres-watchdog");
    this.watchdog.setDaemon(true);
  }

  /**
   * Starts (or, after a first run, restarts) the server of a ledger data folder; the cluster lives
   * in its {@code postgres} subfolder, the password beside it.
   *
   * @param port a fixed port, or 0 for any free one (tests); restarts keep the port
   */
  public static EmbeddedPostgresServer start(Path dataFolder, int port) {
    Path folder = dataFolder.toAbsolutePath().normalize();
    try {
      Files.createDirectories(folder.resolve("postgres"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data folder " + folder, e);
    }
    DataFolderLock ownership = DataFolderLock.acquire(folder);
    try {
      PostgresCluster cluster =
          new PostgresCluster(
              PostgresBinaries.get(), folder.resolve("postgres"), folder.resolve("postgres.log"));
      cluster
          .survivingServer()
          .ifPresent(
              orphan -> {
                log.warn(
                    "A PostgreSQL server (process {}) of an earlier run still serves {};"
                        + " stopping it before starting this run's own",
                    orphan.pid(),
                    cluster.directory());
                cluster.stop(orphan.pid(), 30);
              });
      DatabasePassword password = DatabasePassword.readOrCreate(folder);
      cluster.prepare(password, DatabasePassword.file(folder));
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(
              folder, cluster, ownership, password.value(), port > 0 ? port : freePort());
      server.launchAndAwaitReady();
      server.watchdog.start();
      log.info(
          "Embedded PostgreSQL is up on 127.0.0.1:{} with data in {}",
          server.port,
          cluster.directory());
      return server;
    } catch (RuntimeException e) {
      ownership.close();
      throw e;
    }
  }

  private synchronized void launchAndAwaitReady() {
    if (closing) {
      throw new IllegalStateException("closing");
    }
    if (portTaken()) {
      throw portTakenProblem();
    }
    postmaster = cluster.launch(port);
    awaitReady(postmaster);
  }

  /**
   * Ready means: this run's process is alive, accepts our password, and reports this folder as its
   * data directory, so a server of another folder that happens to hold the port is never used.
   */
  private void awaitReady(Process process) {
    long deadline = System.currentTimeMillis() + STARTUP_WAIT_MS;
    SQLException last = null;
    while (System.currentTimeMillis() < deadline && !closing) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The embedded PostgreSQL for "
                + cluster.directory()
                + " exited with code "
                + process.exitValue()
                + " during startup (is port "
                + port
                + " taken by another server?); see "
                + dataFolder.resolve("postgres.log"));
      }
      try {
        String served = servedDataDirectory();
        if (!Path.of(served).toRealPath().equals(cluster.directory().toRealPath())) {
          throw new IllegalStateException(
              "Port " + port + " is served by a PostgreSQL of another data folder: " + served);
        }
        return;
      } catch (SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
          if (exitsSoon(process)) {
            throw portTakenProblem(); // our login reached the server that holds the port
          }
          throw new IllegalStateException(
              "The embedded PostgreSQL refused the password in "
                  + DatabasePassword.file(dataFolder)
                  + " (delete that file to set a new one on the next start)",
              e);
        }
        last = e;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sleep(100);
    }
    if (closing) {
      return; // close() stops the process
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "The embedded PostgreSQL did not become ready on port " + port, last);
  }

  private boolean portTaken() {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException free) {
      return false;
    }
  }

  private IllegalStateException portTakenProblem() {
    return new IllegalStateException(
        "Port "
            + port
            + " is taken by another server (another ledger's PostgreSQL?); the embedded PostgreSQL"
            + " of "
            + cluster.directory()
            + " never uses a server it did not start. Stop that server or set"
            + " LEDGER_EMBEDDED_DB_PORT.");
  }

  private static boolean exitsSoon(Process process) {
    try {
      return process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String servedDataDirectory() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "2");
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), properties);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW data_directory")) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** Restarts the server whenever it dies other than by {@link #close()}. */
  private void watch() {
    while (!closing) {
      Process watched = postmaster;
      try {
        watched.waitFor();
      } catch (InterruptedException e) {
        return;
      }
      if (closing) {
        return;
      }
      log.error(
          "The embedded PostgreSQL (process {}) died with exit code {}; restarting it",
          watched.pid(),
          watched.exitValue());
      restartUntilServing();
    }
  }

  private void restartUntilServing() {
    long delay = 200;
    long started = System.currentTimeMillis();
    while (!closing) {
      sleep(delay);
      try {
        launchAndAwaitReady();
        log.info(
            "Embedded PostgreSQL is serving again, {} ms after it died",
            System.currentTimeMillis() - started);
        return;
      } catch (RuntimeException e) {
        if (!closing) {
          log.error("Restarting the embedded PostgreSQL failed; retrying: {}", e.getMessage());
        }
        delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public String username() {
    return USER;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  /** The PostgreSQL cluster's own folder (inside the ledger's data folder). */
  public Path dataDirectory() {
    return cluster.directory();
  }

  /** The server process of this run, e.g. for tests that kill it. */
  public ProcessHandle serverProcess() {
    return postmaster.toHandle();
  }

  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    watchdog.interrupt();
    synchronized (this) {
      Process process = postmaster;
      if (process != null && process.isAlive()) {
        cluster.stop(process.pid(), 10);
      }
    }
    ownership.close();
    log.info("Embedded PostgreSQL stopped");
  }
}
