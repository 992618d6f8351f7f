package com.salesledger.command.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.salesledger.command.common.CommandDispatcher;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.security.SecurityConfiguration;
import com.salesledger.platform.web.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The deal endpoints' front door, without a database: who is refused (401, 403) and what bad input
 * is (400) is decided before any command is sent.
 */
@WebMvcTest(
    properties = {
      "ledger.security.demo-users=true",
      "ledger.security.token.signing-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
    })
class DealControllerSecurityTest {

  /** Only the controller and the platform's web security: no Axon, no database. */
  @Configuration(proxyBeanMethods = false)
  @Import({
    DealController.class,
    SecurityConfiguration.class,
    ProblemResponses.class,
    LedgerSettings.class,
    WebMvcAutoConfiguration.class
  })
  static class Slice {}

  private static final String DEAL =
      "{\"customerId\":\"c\",\"ownerRep\":\"rep1\",\"team\":\"t\",\"region\":\"r\","
          + "\"productLine\":\"p\",\"amount\":1,\"expectedCloseDate\":\"2025-06-30\"}";

  @Autowired MockMvc mvc;
  @MockitoBean CommandDispatcher dispatcher;

  @Test
  void without_a_login_it_is_401_problem_json_asking_for_basic() throws Exception {
    send("/api/deals", DEAL, null)
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("WWW-Authenticate", "Basic realm=\"sales-ledger\""));
    verifyNoInteractions(dispatcher);
  }

  @Test
  void a_bad_bearer_token_is_401_with_a_bearer_challenge() throws Exception {
    mvc.perform(
            post("/api/deals")
                .contentType(MediaType.APPLICATION_JSON)
                .content(DEAL)
                .header("Authorization", "Bearer not.a.token"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    verifyNoInteractions(dispatcher);
  }

  @Test
  void roles_without_the_permission_are_403_before_any_command_is_sent() throws Exception {
    send("/api/deals", DEAL, "finance1")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403));
    send("/api/deals", DEAL, "auditor1").andExpect(status().isForbidden());
    send(
            "/api/deals/D-1/reassign",
            "{\"ownerRep\":\"rep2\",\"team\":\"t\",\"reason\":\"x\"}",
            "rep1")
        .andExpect(status().isForbidden());
    verifyNoInteractions(dispatcher);
  }

  @Test
  void bad_input_is_400_naming_the_field_and_sends_nothing() throws Exception {
    String body =
        send("/api/deals", DEAL.replace("\"customerId\":\"c\",", ""), "rep1")
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).contains("customerId");
    verifyNoInteractions(dispatcher);
  }

  private ResultActions send(String path, String json, String user) throws Exception {
    var request = post(path).contentType(MediaType.APPLICATION_JSON).content(json);
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return mvc.perform(request);
  }
}
