package com.salesledger.command.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;

/** Small additions to a command's answer, e.g. the id of what was created inside an aggregate. */
public final class Answers {

  private Answers() {}

  /** The same answer (status, headers) with one more field in its body. */
  public static ResponseEntity<Map<String, Object>> adding(
      ResponseEntity<Map<String, Object>> answer, String field, Object value) {
    Map<String, Object> body = new LinkedHashMap<>(answer.getBody());
    body.put(field, value);
    return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(body);
  }
}
