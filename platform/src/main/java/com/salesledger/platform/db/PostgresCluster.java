package com.salesledger.platform.db;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL data directory and the binaries that serve it: creating it, locking it down,
 * finding a server an earlier run left behind, and starting and stopping the server.
 */
final class PostgresCluster {

  private static final Logger log = LoggerFactory.getLogger(PostgresCluster.class);

  /** Password (SCRAM) for every connection; no trust, no peer. The server listens on loopback. */
  private static final String HBA =
      """
      # Written by the ledger at every start: every login needs the password (SCRAM).
      local all all scram-sha-256
      host  all all 127.0.0.1/32 scram-sha-256
      host  all all ::1/128 scram-sha-256
      """;

  private final PostgresBinaries binaries;
  private final Path directory;
  private final File logFile;

  PostgresCluster(PostgresBinaries binaries, Path directory, Path logFile) {
    this.binaries = binaries;
    this.directory = directory;
    this.logFile = logFile.toFile();
  }

  Path directory() {
    return directory;
  }

  /**
   * Creates the cluster on the first start; on a cluster made before passwords existed (or whose
   * password file was lost) it sets the password in single-user mode, with no server listening.
   */
  void prepare(DatabasePassword password, Path passwordFile) {
    if (!Files.exists(directory.resolve("PG_VERSION"))) {
      run(
          binaries.command(
              "initdb",
              "-D",
              directory.toString(),
              "-U",
              EmbeddedPostgresServer.USER,
              "--pwfile=" + passwordFile,
              "-A",
              "scram-sha-256",
              "-E",
              "UTF-8"),
          null);
      log.info("Created the embedded PostgreSQL cluster in {}", directory);
    } else if (password.newlyCreated()) {
      run(
          binaries.command("postgres", "--single", "-D", directory.toString(), "postgres"),
          "ALTER ROLE " + EmbeddedPostgresServer.USER + " PASSWORD '" + password.value() + "';\n");
      log.info("Set a generated password on the embedded PostgreSQL in {}", directory);
    }
    try {
      Files.writeString(directory.resolve("pg_hba.conf"), HBA);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A server of this directory that outlived the process that started it (e.g. a JVM killed with
   * SIGKILL). Its {@code postmaster.pid} names it; the process must still be a {@code postgres}.
   */
  Optional<ProcessHandle> survivingServer() {
    Path pidFile = directory.resolve("postmaster.pid");
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pidFile);
      long pid = Long.parseLong(lines.get(0).strip());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
    } catch (IOException | RuntimeException e) {
      log.warn("Cannot read {}: {}", pidFile, e.toString());
      return Optional.empty();
    }
  }

  /** Starts the server process itself (not through pg_ctl), so its exit can be watched. */
  Process launch(int port) {
    List<String> command =
        binaries.command(
            "postgres",
            "-D",
            directory.toString(),
            "-p",
            Integer.toString(port),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "unix_socket_directories=",
            // Durability: a commit answers only once its WAL is on disk.
            "-c",
            "synchronous_commit=on",
            "-c",
            "fsync=on",
            "-c",
            "full_page_writes=on",
            "-c",
            "password_encryption=scram-sha-256",
            "-c",
            "max_connections=200",
            // No parallel workers: the ledger's queries run side by side on few cores, where the
            // workers of one only take cores from the others (10 million events, 2 cores, as-of
            // dashboards: 4 clients p99 717-874 -> 554-668 ms, 1 client 336 -> 307 ms).
            "-c",
            "max_parallel_workers_per_gather=0",
            // PostgreSQL's default of 128 MB holds little of a ledger at full scale: an as-of
            // dashboard read its 15,500 pages from the OS cache in 170 ms, from shared buffers in
            // 60-80 ms (10 million events). A quarter of the memory, at most 1 GB; pages are only
            // taken as they are used.
            "-c",
            "shared_buffers=" + sharedBuffersMegabytes() + "MB",
            "-c",
            "timezone=UTC");
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command.get(0), e);
    }
  }

  /** A quarter of the machine's memory, between PostgreSQL's default 128 MB and 1 GB. */
  static long sharedBuffersMegabytes() {
    long total =
        ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    return Math.max(128, Math.min(1024, total / 4 / (1024 * 1024)));
  }

  /** Fast shutdown (open transactions roll back, committed ones are on disk), then immediate. */
  void stop(long pid, int waitSeconds) {
    for (String mode : List.of("fast", "immediate")) {
      try {
        run(
            binaries.command(
                "pg_ctl",
                "stop",
                "-D",
                directory.toString(),
                "-m",
                mode,
                "-w",
                "-t",
                Integer.toString(waitSeconds)),
            null);
      } catch (RuntimeException e) {
        log.warn("pg_ctl stop -m {} on {} failed: {}", mode, directory, e.getMessage());
      }
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        continue;
      }
      return;
    }
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  private void run(List<String> command, String input) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile))
              .start();
      try (OutputStream stdin = process.getOutputStream()) {
        if (input != null) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command.get(command.size() > 2 ? 2 : 0) + " timed out");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command.subList(0, Math.min(command.size(), 4)))
                + " failed with exit code "
                + process.exitValue()
                + "; see "
                + logFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
  }
}
