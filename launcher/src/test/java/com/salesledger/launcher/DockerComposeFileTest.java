package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
}
