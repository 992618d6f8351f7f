package com.salesledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP to the ledger over kept-alive connections. Logs in once for a bearer token where the ledger
 * offers one ({@code POST /api/auth/token}), else sends HTTP Basic on every request.
 */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }
  }

  private final String base;
  private volatile String authorization;
  final String scheme;
  private final String[] credentials;
  private final HttpClient client = newClient();

  private Http(String base, String authorization, String scheme, String... credentials) {
    this.base = base;
    this.authorization = authorization;
    this.scheme = scheme;
    this.credentials = credentials;
  }

  private static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /**
   * The same login on a client of its own: each load thread gets one, so concurrent senders never
   * share (and queue on) one client's connections.
   */
  Http forThread() {
    return new Http(base, authorization, scheme, credentials);
  }

  /** No credentials: for the health endpoint. */
  static Http anonymous(int port) {
    return new Http("http://localhost:" + port, null, "none");
  }

  static Http login(int port, String user, String password) {
    String base = "http://localhost:" + port;
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Http withBasic = new Http(base, basic, "HTTP Basic");
    try {
      Answer token =
          withBasic.postOnce(
              "/api/auth/token",
              JSON.writeValueAsString(java.util.Map.of("username", user, "password", password)));
      if (token.status() == 200 || token.status() == 201) {
        JsonNode json = token.json();
        String value =
            json.hasNonNull("access_token")
                ? json.get("access_token").asText()
                : json.path("token").asText("");
        if (!value.isEmpty()) {
          return new Http(base, "Bearer " + value, "bearer token", user, password);
        }
      }
      System.out.println("no bearer token (" + token.status() + "): HTTP Basic it is");
    } catch (IOException | RuntimeException e) {
      System.out.println("no bearer token (" + e + "): HTTP Basic it is");
    }
    return withBasic;
  }

  /** A request on a fresh connection (a refused login must not leave a pooled one behind). */
  Answer postOnce(String path, String json) throws IOException {
    HttpClient once = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try {
      HttpResponse<String> response =
          once.send(
              request(path)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .timeout(Duration.ofSeconds(120))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  /**
   * The status of a GET, its body read to the end and dropped, over a plain blocking connection
   * kept alive ({@link java.net.HttpURLConnection}). The load's clients run on the ledger's two
   * cores: with the asynchronous {@link HttpClient}, decoding each answer into a string, the
   * benchmark's own process took 0.55 of the two cores while four clients asked for invoices, CPU a
   * client elsewhere would not take from the ledger. The time still runs until the last byte.
   */
  int status(String path, boolean anew) {
    return status(path, anew, true);
  }

  private int status(String path, boolean anew, boolean loginAgain) {
    try {
      java.net.HttpURLConnection connection =
          (java.net.HttpURLConnection) URI.create(base + path).toURL().openConnection();
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(60_000);
      if (authorization != null) {
        connection.setRequestProperty("Authorization", authorization);
      }
      if (anew) {
        connection.setRequestProperty("Cache-Control", "no-cache");
      }
      int status = connection.getResponseCode();
      java.io.InputStream body =
          status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      if (body != null) {
        try (body) {
          byte[] drain = DRAIN.get();
          while (body.read(drain) >= 0) {
            // read to the end, so that the connection is kept for the next request
          }
        }
      }
      if (status == 401 && loginAgain && logInAgain()) {
        return status(path, anew, false);
      }
      return status;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Where each load thread reads the answers it drops. */
  private static final ThreadLocal<byte[]> DRAIN = ThreadLocal.withInitial(() -> new byte[65536]);

  Answer post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, "interrupted");
    }
  }

  /** The response, after logging in again once on 401. */
  private <T> HttpResponse<T> exchange(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    HttpResponse<T> response = client.send(request.build(), body);
    if (response.statusCode() == 401 && logInAgain()) {
      response = client.send(request.setHeader("Authorization", authorization).build(), body);
    }
    return response;
  }

  /**
   * A run at full scale outlasts a token's lifetime: logs in again, as a client would, where this
   * client logged in with a user and password; false where it did not.
   */
  private boolean logInAgain() {
    if (credentials.length != 2) {
      return false;
    }
    authorization = login(URI.create(base).getPort(), credentials[0], credentials[1]).authorization;
    return true;
  }
}
