package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * There is no Docker engine where the tests run, so the compose file is checked for what can be
 * checked without one: it parses, has the four services, wires the apps to Axon Server and
 * PostgreSQL in the axonserver profile, and builds from Dockerfiles that exist.
 */
class DockerComposeFileTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  @SuppressWarnings("unchecked")
  void compose_runs_postgres_axon_server_and_both_apps_in_the_axonserver_profile()
      throws IOException {
    Map<String, Object> compose;
    try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
      compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) compose.get("services");
    assertThat(services).containsOnlyKeys("postgres", "axonserver", "command-side", "query-side");
    assertThat(services.get("postgres").get("image")).isEqualTo("postgres:16");
    assertThat(services.get("axonserver").get("image").toString()).startsWith("axoniq/axonserver");

    Map<String, String> ports = Map.of("command-side", "8080:8080", "query-side", "8081:8081");
    for (String app : ports.keySet()) {
      Map<String, Object> service = services.get(app);
      Map<String, Object> environment = (Map<String, Object>) service.get("environment");
      assertThat(environment)
          .containsEntry("SPRING_PROFILES_ACTIVE", "axonserver")
          .containsEntry("AXON_SERVER", "axonserver:8124")
          .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/ledger");
      assertThat((List<String>) service.get("ports")).containsExactly(ports.get(app));
      assertThat((Map<String, Object>) service.get("depends_on"))
          .containsKeys("postgres", "axonserver");
      Path dockerfile = ROOT.resolve(service.get("build").toString()).resolve("Dockerfile");
      assertThat(dockerfile).exists();
      assertThat(Files.readString(dockerfile)).contains("COPY target/" + app + "-*-exec.jar");
    }
  }

  @Test
  void the_axonserver_profile_switches_the_apps_to_axon_server() throws IOException {
    Path profile = ROOT.resolve("platform/src/main/resources/ledger-axonserver.properties");
    String text = Files.readString(profile);
    assertThat(text).contains("axon.axonserver.enabled=true");
    assertThat(text).contains("axon.axonserver.servers=${AXON_SERVER:localhost:8124}");
    assertThat(Files.readString(ROOT.resolve("platform/src/main/resources/ledger.properties")))
        .contains("axon.axonserver.enabled=false");
  }

  /**
   * Start order rests on health checks, so they must run in the images named: no curl or wget, no
   * shell other than bash (Axon Server's version-only tags are distroless, without any shell).
   */
  @Test
  @SuppressWarnings("unchecked")
  void every_service_has_a_health_check_that_needs_only_bash() throws IOException {
    Map<String, Map<String, Object>> services = services();
    assertThat(services.get("axonserver").get("image").toString())
        .as("a tag with a shell (Eclipse Temurin based), not a distroless version-only tag")
        .matches("axoniq/axonserver:[0-9.]+-jdk-\\d+");
    for (String app : List.of("axonserver", "command-side", "query-side")) {
      List<String> test =
          (List<String>) ((Map<String, Object>) services.get(app).get("healthcheck")).get("test");
      assertThat(test).as(app).startsWith("CMD", "bash", "-c").hasSize(4);
      assertThat(test.get(3)).as(app).doesNotContain("curl", "wget");
    }
    for (String app : List.of("command-side", "query-side")) {
      assertThat((Map<String, Map<String, String>>) services.get(app).get("depends_on"))
          .allSatisfy(
              (name, dependency) ->
                  assertThat(dependency).containsEntry("condition", "service_healthy"));
    }
  }

  /** The check as compose runs it ($$ is a literal $), here against a stand-in HTTP server. */
  @Test
  @SuppressWarnings("unchecked")
  void the_http_health_check_passes_on_200_and_fails_on_503_or_no_answer() throws Exception {
    String check =
        ((List<String>)
                ((Map<String, Object>) services().get("query-side").get("healthcheck")).get("test"))
            .get(3)
            .replace("$$", "$");
    int[] status = {200};
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/actuator/health",
        exchange -> {
          exchange.sendResponseHeaders(status[0], -1);
          exchange.close();
        });
    server.start();
    int port = server.getAddress().getPort();
    String here = check.replace("/8081", "/" + port);
    try {
      assertThat(run(here)).as("200").isZero();
      status[0] = 503;
      assertThat(run(here)).as("503").isNotZero();
    } finally {
      server.stop(0);
    }
    assertThat(run(here)).as("nothing listening").isNotZero();
  }

  private static int run(String bashCommand) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("bash", "-c", bashCommand).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws IOException {
    try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return (Map<String, Map<String, Object>>) compose.get("services");
    }
  }
}
