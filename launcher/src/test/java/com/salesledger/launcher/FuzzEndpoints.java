package com.salesledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every endpoint of both apps, read from their OpenAPI documents: a new endpoint is fuzzed without
 * anyone remembering to add it here.
 */
final class FuzzEndpoints {

  /** One operation: which app, method, path template, its query parameters and body fields. */
  public record Endpoint(
      String side, int port, String method, String path, List<Field> query, List<Field> body) {

    @Override
    public String toString() {
      return side + " " + method + " " + path;
    }
  }

  /** A parameter or body property with the type the document gives it. */
  public record Field(
      String name, String type, String format, List<String> values, boolean required) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** HEAD and OPTIONS answers carry no body to check. */
  private static final List<String> FUZZED_METHODS =
      List.of("get", "post", "put", "patch", "delete");

  private FuzzEndpoints() {}

  public static List<Endpoint> read(String side, int port) {
    JsonNode doc = fetch(port);
    List<Endpoint> endpoints = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
      while (operations.hasNext()) {
        Map.Entry<String, JsonNode> operation = operations.next();
        if (!FUZZED_METHODS.contains(operation.getKey())) {
          continue;
        }
        List<Field> query = new ArrayList<>();
        for (JsonNode parameter : operation.getValue().path("parameters")) {
          if ("query".equals(parameter.path("in").asText())) {
            query.add(field(parameter.path("name").asText(), parameter.path("schema"), false));
          }
        }
        JsonNode schema =
            resolve(
                doc,
                operation.getValue().at("/requestBody/content").elements().hasNext()
                    ? operation
                        .getValue()
                        .at("/requestBody/content")
                        .elements()
                        .next()
                        .path("schema")
                    : null);
        List<Field> body = new ArrayList<>();
        if (schema != null) {
          List<String> required = new ArrayList<>();
          schema.path("required").forEach(r -> required.add(r.asText()));
          schema
              .path("properties")
              .fields()
              .forEachRemaining(
                  p ->
                      body.add(
                          field(
                              p.getKey(),
                              resolve(doc, p.getValue()),
                              required.contains(p.getKey()))));
        }
        endpoints.add(
            new Endpoint(side, port, operation.getKey().toUpperCase(), path.getKey(), query, body));
      }
    }
    return endpoints;
  }

  private static Field field(String name, JsonNode schema, boolean required) {
    List<String> values = new ArrayList<>();
    schema.path("enum").forEach(v -> values.add(v.asText()));
    return new Field(
        name,
        schema.path("type").asText("string"),
        schema.path("format").asText(""),
        values,
        required);
  }

  private static JsonNode resolve(JsonNode doc, JsonNode schema) {
    if (schema == null) {
      return null;
    }
    String ref = schema.path("$ref").asText("");
    if (ref.startsWith("#/")) {
      return doc.at(ref.substring(1));
    }
    return schema;
  }

  private static JsonNode fetch(int port) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
