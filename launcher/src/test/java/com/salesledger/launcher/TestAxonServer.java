package com.salesledger.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP tests run with events in PostgreSQL unless {@code LEDGER_TEST_AXON_SERVER} names an Axon
 * Server (e.g. {@code localhost:8124}); then every ledger they start runs in the {@code axonserver}
 * profile against it. Use a throw-away server in development mode: the restart test purges its
 * events ({@code LEDGER_TEST_AXON_SERVER_HTTP}, default port 8024 on the same host).
 */
final class TestAxonServer {

  private TestAxonServer() {}

  static Optional<String> address() {
    String address = System.getenv("LEDGER_TEST_AXON_SERVER");
    return address == null || address.isBlank() ? Optional.empty() : Optional.of(address.trim());
  }

  static boolean isNamed() {
    return address().isPresent();
  }

  static Map<String, Object> settings() {
    return address()
        .<Map<String, Object>>map(
            address ->
                Map.of("spring.profiles.active", "axonserver", "axon.axonserver.servers", address))
        .orElse(Map.of());
  }

  /**
   * Deletes every event in the server (its development mode only), for a test that must start from
   * an empty event store. No ledger may be connected meanwhile: their tokens would point past the
   * new head.
   */
  static void purgeEvents() {
    String address = address().orElseThrow();
    String http =
        Optional.ofNullable(System.getenv("LEDGER_TEST_AXON_SERVER_HTTP"))
            .orElse("http://" + address.substring(0, address.lastIndexOf(':')) + ":8024");
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(http + "/v1/devmode/purge-events"))
                      .DELETE()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "Axon Server did not purge its events (development mode off?): "
                + answer.statusCode()
                + " "
                + answer.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach Axon Server at " + http, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
