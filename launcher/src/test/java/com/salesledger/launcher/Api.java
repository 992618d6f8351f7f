package com.salesledger.launcher;

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
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the tests: JSON in and out, HTTP Basic as one of the demo users. */
final class Api {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Response(int status, Map<String, String> headers, String text) {

    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + text, e);
      }
    }

    long position() {
      return Long.parseLong(headers.get("x-ledger-position"));
    }

    String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  private final String base;
  private String user;
  private final Map<String, String> extraHeaders = new LinkedHashMap<>();

  private Api(String base, String user) {
    this.base = base;
    this.user = user;
  }

  static Api at(int port, String user) {
    return new Api("http://localhost:" + port, user);
  }

  /** Calls as the holder of a bearer token, with no password. */
  static Api bearer(int port, String token) {
    return at(port, null).header("Authorization", "Bearer " + token);
  }

  Api header(String name, String value) {
    Api copy = new Api(base, user);
    copy.extraHeaders.putAll(extraHeaders);
    copy.extraHeaders.put(name, value);
    return copy;
  }

  Response post(String path, Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(
          request(path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(text)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Any method, content type and body, as an attacker would send them. */
  Response send(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder builder = request(path);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(
        builder.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (user != null) {
      String token =
          Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + token);
    }
    extraHeaders.forEach(builder::header);
    return builder;
  }

  private static Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new LinkedHashMap<>();
      response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
      return new Response(response.statusCode(), headers, response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
