package com.salesledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark end to end at a tiny size (CI's smoke test; figures come only from real runs):
 * generates a history, starts the packaged ledger with its start script, measures every figure and
 * writes the report and chart.
 */
class BenchmarkSmokeTest {

  @Test
  void the_benchmark_runs_end_to_end_and_writes_its_report() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    assertThat(root.resolve("launcher/target/sales-ledger.jar"))
        .as("the launcher is packaged before this module is tested")
        .exists();
    Path data = Files.createTempDirectory("ledger-bench-");
    Path out = data.resolve("report");
    Benchmark.run(
        "--events=1500",
        "--seconds=1",
        "--project=" + root,
        "--data=" + data,
        "--out=" + out,
        "--db-port=" + freePort(),
        "--command-port=" + freePort(),
        "--query-port=" + freePort(),
        "--note=CI smoke test, tiny size: figures meaningless");
    String report = Files.readString(out.resolve("REPORT.md"));
    assertThat(report)
        .contains("commands/s through HTTP, 8 sender(s)")
        .contains("full rebuild of every projection")
        .contains("dashboard (year and month")
        .contains("deal list")
        .contains("invoice (by id), 4 client(s)")
        .contains(
            "targets (a year's target of the company, a region, a team or a rep), 1 client(s)")
        .contains("targets as of a recorded instant, 4 client(s)")
        .contains("resident memory");
    assertThat(Files.size(out.resolve("benchmark.png"))).isPositive();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
