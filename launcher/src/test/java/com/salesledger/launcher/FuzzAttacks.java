package com.salesledger.launcher;

import com.salesledger.launcher.FuzzEndpoints.Endpoint;
import com.salesledger.launcher.FuzzEndpoints.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds one hostile request for an endpoint from a seed: mostly plausible values with a few
 * mutations (wrong types, missing, extra and duplicated fields, nulls, huge and tiny numbers,
 * control and bidirectional characters, absurd dates, broken or oversize bodies, wrong media types,
 * odd methods, users and headers), so that requests get past the first check often enough to reach
 * the deeper ones.
 */
final class FuzzAttacks {

  /** A request ready to send, and what it is, for a failure message. */
  record Attack(
      Endpoint endpoint,
      String user,
      String method,
      String pathAndQuery,
      Map<String, String> headers,
      String contentType,
      byte[] body,
      String description) {

    @Override
    public String toString() {
      return description;
    }
  }

  static final List<String> HOSTILE_STRINGS =
      List.of(
          "\"\\u0000\"",
          "\"a\\u0000b\"",
          "\"a\\u0001b\"",
          "\"a\\u001fb\\u007f\\u0085\"",
          "\"\\u202eevil\"",
          "\"a\\u2066b\\u2069\"",
          "\"a\\u200bb\"",
          "\"\\ufeffbom\"",
          "\"\\ud800\"",
          "\"x\\udc00\"",
          "\"\\uffff\"",
          "\"\"",
          "\"   \"",
          "\"line\\nbreak\"",
          "\"tab\\tbed\"",
          "\"e\\u0301\"",
          "\"\\ud83d\\ude00\"",
          "\"'; drop table deal_view; --\"",
          "\"../../etc/passwd\"",
          "\"%00\"",
          "\"" + "x".repeat(300) + "\"",
          "\"" + "y".repeat(5000) + "\"");
  static final List<String> HOSTILE_NUMBERS =
      List.of(
          "0",
          "-1",
          "-0.00",
          "0.001",
          "1e20",
          "1e999999999",
          "-1e999999999",
          "1e-999999999",
          "123456789012345678901234567890",
          "9223372036854775808",
          "-9223372036854775809",
          "1.5",
          "999999999999.99",
          "1000000000000",
          "\"12.50\"",
          "\"twelve\"",
          "NaN",
          "Infinity",
          "0x10",
          "01");
  static final List<String> HOSTILE_DATES =
      List.of(
          "\"-999999999-01-01\"",
          "\"+999999999-12-31\"",
          "\"0000-01-01\"",
          "\"1899-12-31\"",
          "\"1900-01-01\"",
          "\"2999-12-31\"",
          "\"3000-01-01\"",
          "\"2025-02-30\"",
          "\"2025-1-1\"",
          "\"2025-01-15T10:00:00Z\"",
          "\"9999-12-31\"",
          "20250115",
          "[2025,1,15]",
          "\"\"",
          "\"today\"");
  static final List<String> HOSTILE_ANY =
      List.of("null", "true", "[]", "{}", "[1,2]", "{\"a\":{\"b\":[null]}}", "\"\"", "-1");
  static final List<String> ACCEPTS =
      List.of(
          "application/xml",
          "text/html",
          "*/*",
          "application/*",
          "application/problem+json",
          "text/csv",
          "garbage;;q=x",
          "application/json;q=0",
          "image/png, text/plain");
  static final List<String> CONTENT_TYPES =
      List.of(
          "application/xml",
          "text/plain",
          "application/json;charset=ISO-8859-1",
          "application/json;charset=UTF-16",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=xyz",
          "bogus",
          "application/problem+json");
  static final List<String> HOSTILE_SEGMENTS =
      List.of(
          "%00",
          "a%01b",
          "%E2%80%AE",
          "%E2%80%8B",
          "%ED%A0%80",
          "%FF%FE",
          "..",
          "%2E%2E",
          "%2F",
          "a%20b",
          "x".repeat(300),
          "%C3%A9",
          "%F0%9F%98%80",
          "null",
          "-1",
          "' or '1'='1");
  static final List<String> USERS =
      List.of(
          "admin",
          "admin",
          "admin",
          "finance1",
          "finance1",
          "manager1",
          "rep1",
          "rep2",
          "auditor1",
          "",
          "nobody");

  private final Map<String, String> knownIds;

  FuzzAttacks(Map<String, String> knownIds) {
    this.knownIds = knownIds;
  }

  Attack build(Endpoint endpoint, long seed) {
    Random random = new Random(seed);
    List<String> notes = new ArrayList<>();
    String user = pick(random, USERS);
    String method = endpoint.method();
    if (random.nextInt(12) == 0) {
      method = pick(random, List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
      notes.add("method " + method);
    }
    String path = fillPath(endpoint.path(), random, notes);
    String query = query(endpoint, random, notes);
    Map<String, String> headers = new LinkedHashMap<>();
    if (random.nextInt(5) == 0) {
      headers.put("Accept", pick(random, ACCEPTS));
    }
    if (random.nextInt(12) == 0) {
      headers.put("Idempotency-Key", pick(random, List.of("k-" + seed, "x".repeat(300), " ", "ä")));
    }
    if (random.nextInt(12) == 0) {
      headers.put("X-Correlation-Id", pick(random, List.of("c-" + seed, "x".repeat(300), "é")));
    }
    if (random.nextInt(15) == 0) {
      headers.put(
          "X-Ledger-Min-Position",
          pick(random, List.of("-1", "abc", "1.5", "99999999999999999999999", "0", " 1")));
    }
    String contentType = "application/json";
    byte[] body = null;
    boolean hasBody = !endpoint.body().isEmpty() || "POST".equals(method);
    if (hasBody) {
      body = body(endpoint, random, notes);
      if (random.nextInt(8) == 0) {
        contentType = random.nextInt(6) == 0 ? null : pick(random, CONTENT_TYPES);
      }
    } else if (random.nextInt(10) == 0) {
      body = "{\"junk\":1}".getBytes(StandardCharsets.UTF_8);
      notes.add("unexpected body");
    }
    String description =
        endpoint
            + " as '"
            + user
            + "': "
            + method
            + " "
            + path
            + query
            + " headers="
            + headers
            + " contentType="
            + contentType
            + " body="
            + (body == null ? "none" : abbreviate(new String(body, StandardCharsets.UTF_8)))
            + " "
            + notes;
    return new Attack(
        endpoint, user, method, path + query, headers, contentType, body, description);
  }

  private String fillPath(String template, Random random, List<String> notes) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template.substring(i));
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, i, open);
      String name = template.substring(open + 1, close);
      int roll = random.nextInt(10);
      if (roll < 6 && knownIds.containsKey(name)) {
        out.append(knownIds.get(name));
      } else if (roll < 8) {
        out.append("FZ-").append(Long.toHexString(random.nextLong() & 0xffffffL));
      } else {
        String hostile = pick(random, HOSTILE_SEGMENTS);
        notes.add("path " + name + "=" + abbreviate(hostile));
        out.append(hostile.replace("'", "%27").replace(" ", "%20"));
      }
      i = close + 1;
    }
    return out.toString();
  }

  private String query(Endpoint endpoint, Random random, List<String> notes) {
    List<String> pairs = new ArrayList<>();
    for (Field field : endpoint.query()) {
      int roll = random.nextInt(10);
      if (roll < 4) {
        continue;
      }
      String value =
          roll < 8
              ? plainQueryValue(field, random)
              : pick(random, HOSTILE_SEGMENTS).replace("'", "%27").replace(" ", "%20");
      pairs.add(field.name() + "=" + value);
    }
    if (random.nextInt(10) == 0) {
      pairs.add(pick(random, List.of("junk=1", "%00=1", "size=1000", "page=-1", "a%E2%80%AEb=1")));
      notes.add("extra query");
    }
    if (random.nextInt(15) == 0) {
      pairs.add(
          "minPosition="
              + pick(random, List.of("-1", "abc", "0", "1", "99999999999999999999999", "%00")));
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private String plainQueryValue(Field field, Random random) {
    if (!field.values().isEmpty()) {
      return pick(random, field.values());
    }
    return switch (field.type()) {
      case "integer" -> pick(random, List.of("0", "1", "50", "500", "501", "1000", "-1", "x"));
      case "number" -> pick(random, List.of("0", "1.5", "1e400"));
      default ->
          "date".equals(field.format())
              ? pick(random, List.of("2025-06-30", "0000-01-01", "2025-13-01", "+999999999-12-31"))
              : pick(
                  random,
                  List.of(
                      "2025",
                      "2025-Q1",
                      "2025-03",
                      "2025-06-30",
                      "rep",
                      "team",
                      "region",
                      "month",
                      "productLine",
                      "rep1",
                      "OPEN",
                      "WON",
                      "deals",
                      "2025-Q5",
                      "99999-01",
                      // Parameters read as text by their controllers: years PostgreSQL cannot hold,
                      // and 1900, whose year before is no Period (each was a 500 once).
                      "%2B999999999-12-31",
                      "-999999999-01-01",
                      "-1000000000-01-01T00:00:00Z",
                      "%2B1000000000-12-31T23:59:59Z",
                      "1900",
                      "9999"));
    };
  }

  private byte[] body(Endpoint endpoint, Random random, List<String> notes) {
    int whole = random.nextInt(100);
    if (whole < 3) {
      notes.add("oversize body");
      return ("{\"junk\":\"" + "z".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
    if (whole < 12) {
      String broken =
          pick(
              random,
              List.of(
                  "",
                  "not json",
                  "{",
                  "[]",
                  "null",
                  "\"text\"",
                  "{}{}",
                  "{\"a\":1} trailing",
                  "[".repeat(3000),
                  "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                  "\ufeff{}",
                  "{'single':'quotes'}",
                  "{\"a\":1,}"));
      notes.add("broken body");
      return broken.getBytes(StandardCharsets.UTF_8);
    }
    if (whole < 14) {
      notes.add("invalid UTF-8");
      return new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    }
    // A third of the bodies are plausible throughout, so that requests reach the aggregates'
    // rules; the others break one or two fields.
    List<Field> fields = endpoint.body();
    int mutations = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(2);
    List<Integer> mutated = new ArrayList<>();
    for (int m = 0; m < mutations && !fields.isEmpty(); m++) {
      mutated.add(random.nextInt(fields.size()));
    }
    StringBuilder json = new StringBuilder("{");
    for (int f = 0; f < fields.size(); f++) {
      Field field = fields.get(f);
      if (!mutated.contains(f)) {
        if (field.required() || random.nextBoolean()) {
          append(json, field.name(), validValue(field, random));
        }
        continue;
      }
      int roll = random.nextInt(100);
      if (roll < 15) {
        notes.add("missing " + field.name());
        continue;
      }
      if (roll < 85) {
        append(json, field.name(), hostileValue(field, random));
        notes.add("hostile " + field.name());
      } else {
        append(json, field.name(), validValue(field, random));
        append(json, field.name(), pick(random, List.of("null", validValue(field, random))));
        notes.add("duplicated " + field.name());
      }
    }
    if (random.nextInt(10) == 0) {
      append(json, pick(random, List.of("junk", "dealId ", "DEALID", "__proto__", "")), "[1]");
      notes.add("unknown property");
    }
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void append(StringBuilder json, String name, String value) {
    if (json.length() > 1) {
      json.append(',');
    }
    json.append('"').append(name).append("\":").append(value);
  }

  private String validValue(Field field, Random random) {
    if (!field.values().isEmpty()) {
      return quote(pick(random, field.values()));
    }
    if ("date".equals(field.format())) {
      return quote(String.format("2025-%02d-%02d", 1 + random.nextInt(6), 1 + random.nextInt(28)));
    }
    switch (field.type()) {
      case "number":
        return pick(random, List.of("100.00", "1.00", "2500", "0.50"));
      case "integer":
        return pick(random, List.of("0", "1", "2"));
      case "boolean":
        return "true";
      case "array":
        return "[\"manager1\"]";
      case "object":
        return "{\"level\":\"COMPANY\"}";
      default:
        break;
    }
    String id = knownIds.get(field.name());
    if (id != null && random.nextBoolean()) {
      return quote(id);
    }
    return switch (field.name()) {
      case "ownerRep", "rep" -> quote(pick(random, List.of("rep1", "rep2")));
      case "team" -> quote("north-1");
      case "region" -> quote("north");
      case "productLine" -> quote("software");
      case "currency" -> quote("EUR");
      default -> quote("FZ-" + Long.toHexString(random.nextLong() & 0xffffffffL));
    };
  }

  private String hostileValue(Field field, Random random) {
    int roll = random.nextInt(10);
    if (roll < 2) {
      return pick(random, HOSTILE_ANY);
    }
    if ("date".equals(field.format())) {
      return pick(random, HOSTILE_DATES);
    }
    return switch (field.type()) {
      case "number", "integer" -> pick(random, HOSTILE_NUMBERS);
      default -> pick(random, HOSTILE_STRINGS);
    };
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static <T> T pick(Random random, List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + " chars)" : text;
  }
}
