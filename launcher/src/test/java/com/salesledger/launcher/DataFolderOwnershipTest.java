package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ledger owns its data folder. The ledger here is a JVM of its own ({@code LedgerLauncher}, as
 * {@code ./ledger} runs it), so the test can kill it with SIGKILL or stop it with Ctrl-C (SIGINT).
 */
class DataFolderOwnershipTest {

  private final List<Path> folders = new ArrayList<>();
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    children.forEach(Process::destroyForcibly);
    folders.forEach(SharedLedger::deleteRecursively);
  }

  @Test
  void after_a_killed_jvm_a_start_never_uses_its_server_for_another_folder_and_takes_back_its_own()
      throws Exception {
    Path folderA = folder();
    int databasePort = freePort();
    Process ledgerA = launch(folderA, databasePort);
    ProcessHandle orphan = postmaster(folderA).orElseThrow();
    ledgerA.destroyForcibly().waitFor();
    Thread.sleep(500);
    assertThat(orphan.isAlive()).as("the killed JVM's PostgreSQL outlives it").isTrue();

    Path folderB = folder();
    assertThatThrownBy(
            () ->
                SharedLedger.startEmbedded(
                    folderB, Map.of("ledger.embedded-db.port", Integer.toString(databasePort))))
        .as("another folder on the orphan's port is refused, never attached")
        .hasMessageContaining("Port " + databasePort + " is taken by another server");
    try (Ledger ledgerB = SharedLedger.startEmbedded(folderB, Map.of())) {
      assertThat(dataDirectory(ledgerB)).isEqualTo(folderB.resolve("postgres").toRealPath());
      assertThat(deals(ledgerB)).as("folder B's own event store, without A's demo deals").isZero();
    }

    try (Ledger again =
        SharedLedger.startEmbedded(
            folderA, Map.of("ledger.embedded-db.port", Integer.toString(databasePort)))) {
      // The start stops the orphan; the process may take a moment to be reaped after its signal.
      orphan.onExit().completeOnTimeout(orphan, 10, java.util.concurrent.TimeUnit.SECONDS).join();
      assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
      assertThat(postmaster(folderA).orElseThrow().pid())
          .isEqualTo(again.embeddedDatabase().orElseThrow().serverProcess().pid());
      assertThat(dataDirectory(again)).isEqualTo(folderA.resolve("postgres").toRealPath());
      assertThat(events(again)).as("the demo history written by the killed JVM").isPositive();
    }
  }

  @Test
  void ctrl_c_after_a_database_crash_stops_the_ledger_and_its_database_in_seconds()
      throws Exception {
    Path folder = folder();
    Process ledger = launch(folder, freePort());
    ProcessHandle postmaster = postmaster(folder).orElseThrow();
    DatabaseCrashTest.killEveryProcess(postmaster);
    Thread.sleep(300);

    long start = System.nanoTime();
    new ProcessBuilder("kill", "-INT", Long.toString(ledger.pid())).start().waitFor();
    boolean stopped = ledger.waitFor(20, TimeUnit.SECONDS);
    if (!stopped) {
      // what it was doing: the thread dump of a jstack-less JVM goes to its own output
      new ProcessBuilder("kill", "-QUIT", Long.toString(ledger.pid())).start().waitFor();
      Thread.sleep(1000);
    }
    assertThat(stopped)
        .as("stopped within 20 s; its log:\n%s", tail(folder.resolve("ledger.out")))
        .isTrue();
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("Ctrl-C after a database crash: stopped in %d ms%n", tookMs);
    assertThat(ledger.exitValue()).isEqualTo(130);
    assertThat(postmaster(folder)).as("no PostgreSQL of the folder left running").isEmpty();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 3000), lines.size()));
  }

  private Path folder() {
    Path folder = SharedLedger.tempDir();
    folders.add(folder);
    return folder;
  }

  /** {@code ./ledger} in a JVM of its own, with a small demo history; returns once it is up. */
  private Process launch(Path folder, int databasePort) throws Exception {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path log = folder.resolve("ledger.out");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                classPath,
                "-Dledger.data-dir=" + folder,
                "-Dledger.embedded-db.port=" + databasePort,
                "-DLEDGER_COMMAND_PORT=0",
                "-DLEDGER_QUERY_PORT=0",
                "-Dledger.demo.deals=5",
                LedgerLauncher.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.contains("DATASOURCE") || k.equals("DATABASE_URL"));
    Process process = builder.start();
    children.add(process);
    long deadline = System.currentTimeMillis() + 180_000;
    while (!Files.readString(log).contains("Sales ledger is up")) {
      assertThat(process.isAlive()).as("the ledger started; see " + log).isTrue();
      assertThat(System.currentTimeMillis()).as("the ledger started in time").isLessThan(deadline);
      Thread.sleep(200);
    }
    return process;
  }

  private static Optional<ProcessHandle> postmaster(Path folder) throws IOException {
    Path pidFile = folder.resolve("postgres").resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
  }

  private static Path dataDirectory(Ledger ledger) throws IOException {
    return Path.of(jdbc(ledger).queryForObject("SHOW data_directory", String.class)).toRealPath();
  }

  private static long events(Ledger ledger) {
    return jdbc(ledger).queryForObject("select count(*) from domain_event_entry", Long.class);
  }

  /** Deals opened: the demo history has some, a new test ledger only its baseline organisation. */
  private static long deals(Ledger ledger) {
    return jdbc(ledger)
        .queryForObject(
            "select count(*) from domain_event_entry where payload_type like '%.DealOpened'",
            Long.class);
  }

  private static JdbcTemplate jdbc(Ledger ledger) {
    return ledger.commandSide().getBean(JdbcTemplate.class);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
