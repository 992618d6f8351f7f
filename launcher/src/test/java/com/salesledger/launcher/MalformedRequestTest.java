package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests no HTTP client library would send, written byte by byte: what Tomcat and Spring Security
 * refuse before the application runs is problem+json too, never Tomcat's HTML page and never a 5xx;
 * a body over the limit gets its 413 answer, also when it is 30 MB or chunked.
 */
class MalformedRequestTest {

  private static final String AUTH = "Authorization: Basic cmVwMTpkZW1v\r\n";

  @Test
  void malformed_urls_and_headers_are_answered_with_problem_json_on_both_sides() throws Exception {
    Map<String, String> requests = new LinkedHashMap<>();
    requests.put(
        "header name with a space", "GET /api/deals HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n");
    requests.put("control character in URL", "GET /api/deals/a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put("encoded NUL in path", "GET /api/deals/a%00b HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put("encoded slash", "GET /api/deals/a%2Fb HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put("double slash", "GET /api//deals HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put("path parameter", "GET /api/deals;x=1 HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put("malformed escape in path", "GET /api/deals/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put(
        "malformed escape in query",
        "GET /api/deals?owner=%zz HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n");
    requests.put(
        "NUL in query", "GET /api/deals?owner=a%00b HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n");
    requests.put(
        "bidi in query", "GET /api/deals?owner=%E2%80%AEx HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n");
    requests.put("invalid method", "G@T /api/deals HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put("unknown HTTP version", "GET /api/deals HTTP/9.9\r\nHost: x\r\n\r\n");
    requests.put("no Host header", "GET /api/deals HTTP/1.1\r\n\r\n");
    requests.put("dot segments", "GET /api/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put(
        "control character in header",
        "GET /api/deals HTTP/1.1\r\nHost: x\r\nX-Correlation-Id: a\u0001b\r\n\r\n");
    requests.put(
        "oversize header",
        "GET /api/deals HTTP/1.1\r\nHost: x\r\nX-A: " + "a".repeat(20_000) + "\r\n\r\n");
    requests.put("raw UTF-8 in URL", "GET /api/deals/\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put(
        "malformed Accept",
        "GET /api/deals HTTP/1.1\r\nHost: x\r\nAccept: ;;;\r\n" + AUTH + "\r\n");
    requests.put(
        "broken chunk",
        "POST /api/deals HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
            + "Content-Type: application/json\r\n"
            + AUTH
            + "\r\nzz\r\n");
    requests.put("TRACE", "TRACE /api/deals HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put("CONNECT", "CONNECT localhost:80 HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put("GET /error", "GET /error HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put("POST /error", "POST /error HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

    Ledger ledger = SharedLedger.get();
    for (int port : new int[] {ledger.commandPort(), ledger.queryPort()}) {
      for (Map.Entry<String, String> request : requests.entrySet()) {
        byte[] bytes =
            request.getKey().startsWith("raw UTF-8")
                ? request.getValue().getBytes(StandardCharsets.UTF_8)
                : request.getValue().getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(
            port + " " + request.getKey(), exchange(port, bytes, null), 400, 404, 405, 406);
      }
    }
  }

  @Test
  void a_30_megabyte_body_gets_a_413_answer_and_so_does_a_chunked_one() throws Exception {
    int port = SharedLedger.get().commandPort();
    byte[] body = new byte[30 * 1024 * 1024];
    Arrays.fill(body, (byte) 'a');
    String head =
        "POST /api/deals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + AUTH
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    assertProblem("30 MB", exchange(port, head.getBytes(StandardCharsets.ISO_8859_1), body), 413);

    String chunk = "a".repeat(64 * 1024);
    StringBuilder chunked =
        new StringBuilder(
            "POST /api/deals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + AUTH
                + "Transfer-Encoding: chunked\r\n\r\n");
    chunked.append("f\r\n{\"customerId\":\"\r\n");
    for (int i = 0; i < 40; i++) {
      chunked
          .append(Integer.toHexString(chunk.length()))
          .append("\r\n")
          .append(chunk)
          .append("\r\n");
    }
    chunked.append("0\r\n\r\n");
    assertProblem(
        "2.5 MB chunked",
        exchange(port, chunked.toString().getBytes(StandardCharsets.ISO_8859_1), null),
        413);
  }

  private static void assertProblem(String what, String response, int... statuses) {
    int split = response.indexOf("\r\n\r\n");
    assertThat(split).as(what + ": " + response).isPositive();
    String head = response.substring(0, split);
    String body = response.substring(split + 4);
    int status = Integer.parseInt(head.substring(9, 12));
    assertThat(status).as(what + ": " + head).isIn(Arrays.stream(statuses).boxed().toArray());
    assertThat(head.toLowerCase()).as(what).contains("content-type: application/problem+json");
    assertThat(body).as(what).doesNotContain("<html", "Tomcat", "Exception");
    JsonNode problem = new Api.Response(status, Map.of(), body).json();
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
    assertThat(problem.path("title").asText()).as(what).isNotBlank();
    assertThat(problem.path("detail").asText()).as(what).isNotBlank();
  }

  /** Sends the bytes and reads the first answer (skipping a 100 Continue). */
  private static String exchange(int port, byte[] head, byte[] body) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      if (body != null) {
        out.write(body);
      }
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      String text =
          answer.toString(StandardCharsets.UTF_8).replaceFirst("^HTTP/1.1 100[^\r]*\r\n\r\n", "");
      int split = text.indexOf("\r\n\r\n");
      if (split > 0
          && text.substring(0, split).toLowerCase().contains("transfer-encoding: chunked")) {
        text = text.substring(0, split + 4) + unchunk(text.substring(split + 4));
      }
      return text;
    }
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }
}
