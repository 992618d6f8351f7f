package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on refusals: RFC 9457 problem details, and answers that reveal nothing. */
final class Problems {

  private Problems() {}

  /**
   * An {@code application/problem+json} answer with this status, a title and a detail, and for
   * {@code field} (when not null) an entry in {@code errors} naming it.
   */
  static void assertProblem(Api.Response response, int status, String field) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    if (field != null) {
      assertThat(problem.get("errors")).as(response.text()).isNotNull();
      assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    }
  }

  /**
   * Both are 404 with the same title, errors and detail (up to the id itself), so the answer cannot
   * tell whether the record exists.
   */
  static void assertSameAsUnknown(
      Api.Response outOfScope, Api.Response unknown, String id, String unknownId) {
    assertProblem(outOfScope, 404, null);
    assertProblem(unknown, 404, null);
    JsonNode a = outOfScope.json();
    JsonNode b = unknown.json();
    assertThat(a.get("title")).isEqualTo(b.get("title"));
    assertThat(a.get("detail").asText().replace(id, "ID"))
        .isEqualTo(b.get("detail").asText().replace(unknownId, "ID"));
    assertThat(a.get("errors")).isEqualTo(b.get("errors"));
  }
}
