package com.salesledger.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ledger as its own process, started with the start script {@code ./ledger} (so with its heap
 * settings), both apps in one JVM, pointed at the benchmark's database.
 */
final class LedgerProcess implements AutoCloseable {

  private final Process process;
  final int commandPort;
  final int queryPort;

  private LedgerProcess(Process process, int commandPort, int queryPort) {
    this.process = process;
    this.commandPort = commandPort;
    this.queryPort = queryPort;
  }

  static LedgerProcess start(
      Path projectRoot, Database db, int commandPort, int queryPort, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("sh", "ledger");
    builder.directory(projectRoot.toFile());
    Map<String, String> env = builder.environment();
    env.put("SPRING_DATASOURCE_URL", db.url);
    env.put("SPRING_DATASOURCE_USERNAME", db.user);
    env.put("SPRING_DATASOURCE_PASSWORD", db.password);
    env.put("LEDGER_COMMAND_PORT", Integer.toString(commandPort));
    env.put("LEDGER_QUERY_PORT", Integer.toString(queryPort));
    env.put("LEDGER_DEMO_ENABLED", "false");
    env.put("LEDGER_SECURITY_DEMO_USERS", "true");
    env.put("LEDGER_SKIP_BUILD", "true");
    // one login per client for the whole run, however long it takes
    env.put("LEDGER_SECURITY_TOKEN_LIFETIME", "PT12H");
    Files.createDirectories(log.getParent());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    // the ledger never outlives the benchmark, even when the benchmark is interrupted
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-ledger"));
    return new LedgerProcess(process, commandPort, queryPort);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Resident memory of the JVM (the script execs java, so its pid is the JVM's), in MiB. */
  long residentMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
