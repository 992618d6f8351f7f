package com.salesledger.platform.web.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class RequestGuardFilterTest {

  private final RequestGuardFilter filter = new RequestGuardFilter(DataSize.ofKilobytes(1));

  @Test
  void a_query_parameter_breaking_a_text_rule_is_a_400_naming_the_parameter() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/deals");
    request.setQueryString("size=5&owner=a%00b");

    JsonNode problem = refused(request);

    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).startsWith("query parameter owner: ");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("owner");
    assertThat(problem.at("/errors/0/message").asText()).isNotBlank();
  }

  @Test
  void an_overlong_query_parameter_names_the_length_rule() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/receivables/ageing");
    request.setQueryString("buckets=" + "9,".repeat(120));

    JsonNode problem = refused(request);

    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("buckets");
    assertThat(problem.at("/errors/0/message").asText()).contains("at most");
  }

  @Test
  void a_path_segment_or_a_ledger_header_breaking_a_rule_is_named_too() throws Exception {
    MockHttpServletRequest path = new MockHttpServletRequest("GET", "/api/deals/a%00b");
    assertThat(refused(path).at("/errors/0/field").asText()).isEqualTo("path");

    MockHttpServletRequest header = new MockHttpServletRequest("POST", "/api/deals");
    header.addHeader("Idempotency-Key", "k\u00e9y");
    assertThat(refused(header).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
  }

  @Test
  void a_request_within_every_rule_goes_on_untouched() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/deals");
    request.setQueryString("owner=rep1&size=50");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(chain.getRequest()).isNotNull();
    assertThat(response.getStatus()).isEqualTo(200);
  }

  private JsonNode refused(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    assertThat(chain.getRequest()).as("passed on to the application").isNull();
    assertThat(response.getContentType()).startsWith("application/problem+json");
    return new ObjectMapper().readTree(response.getContentAsString());
  }
}
