package com.salesledger.launcher;

import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.TestDeals.dealFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesledger.platform.security.LedgerUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Logins: bearer tokens that both apps accept, HTTP Basic that stays cheap but never lax, and a
 * health endpoint that tells strangers only UP or DOWN.
 */
class AuthenticationTest {

  private static final Ledger LEDGER = SharedLedger.get();

  @Test
  void a_token_from_either_app_is_accepted_by_both_and_carries_user_roles_and_expiry() {
    Api.Response answer = Api.at(LEDGER.commandPort(), "rep1").post("/api/auth/token", Map.of());
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
    Instant expiresAt = Instant.parse(body.get("expiresAt").asText());
    assertThat(expiresAt).isBetween(Instant.now(), Instant.now().plus(Duration.ofMinutes(31)));
    String fromCommandSide = body.get("token").asText();
    String fromQuerySide = Tokens.issued(LEDGER.queryPort(), "rep1");

    for (String token : List.of(fromCommandSide, fromQuerySide)) {
      Api.Response opened =
          Api.bearer(LEDGER.commandPort(), token).post("/api/deals", dealFor("rep1"));
      assertThat(opened.status()).as(opened.text()).isEqualTo(201);
      Api.Response read =
          Api.bearer(LEDGER.queryPort(), token)
              .get(
                  "/api/deals/"
                      + opened.json().get("dealId").asText()
                      + "?minPosition="
                      + opened.position());
      assertThat(read.status()).as(read.text()).isEqualTo(200);
      // The token's roles are the user's: a rep stays a rep.
      assertProblem(
          Api.bearer(LEDGER.commandPort(), token).post("/api/deals", dealFor("rep2")), 403, null);
    }
  }

  @Test
  void an_expired_or_foreign_or_tampered_token_is_401_problem_json() {
    byte[] key = Tokens.keyOf(SharedLedger.dataDir());
    String expired =
        Tokens.signedWithKey(
            key,
            Tokens.claims("manager1", List.of("MANAGER"), Instant.now().minusSeconds(30)).build());
    byte[] otherKey = new byte[32];
    new SecureRandom().nextBytes(otherKey);
    String foreign =
        Tokens.signedWithKey(
            otherKey,
            Tokens.claims("manager1", List.of("MANAGER"), Instant.now().plusSeconds(300)).build());
    String otherIssuer =
        Tokens.signedWithKey(
            key,
            Tokens.claims("manager1", List.of("MANAGER"), Instant.now().plusSeconds(300))
                .issuer("someone-else")
                .build());
    String valid = Tokens.issued(LEDGER.queryPort(), "rep1");
    String tampered = valid.substring(0, valid.length() - 4) + "AAAA";

    for (String token : List.of(expired, foreign, otherIssuer, tampered, "not-a-jwt")) {
      for (int port : new int[] {LEDGER.commandPort(), LEDGER.queryPort()}) {
        Api.Response refused = Api.bearer(port, token).get("/api/deals?size=1");
        assertProblem(refused, 401, null);
        assertThat(refused.headers().get("www-authenticate")).startsWith("Bearer");
      }
    }
    String signedHere =
        Tokens.signedWithKey(
            key,
            Tokens.claims("manager1", List.of("MANAGER"), Instant.now().plusSeconds(300)).build());
    assertThat(Api.bearer(LEDGER.queryPort(), signedHere).get("/api/deals?size=1").status())
        .as(
            "the same key and claims, unexpired, are accepted: the refusals above are about"
                + " expiry, key, issuer and integrity")
        .isEqualTo(200);
  }

  @Test
  void a_token_is_only_given_for_a_password_and_never_renews_itself() {
    String token = Tokens.issued(LEDGER.commandPort(), "finance1");
    assertProblem(
        Api.bearer(LEDGER.commandPort(), token).post("/api/auth/token", Map.of()), 403, null);
    assertProblem(Api.at(LEDGER.commandPort(), null).post("/api/auth/token", Map.of()), 401, null);
    assertProblem(
        Api.at(LEDGER.queryPort(), "nobody").post("/api/auth/token", Map.of()), 401, null);
  }

  @Test
  void the_generated_signing_key_is_readable_by_its_owner_only() throws Exception {
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(SharedLedger.dataDir().resolve("token-signing.key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void a_wrong_password_is_refused_every_time_even_right_after_the_right_one() {
    Api right = Api.at(LEDGER.queryPort(), "auditor1");
    Api wrong =
        Api.at(LEDGER.queryPort(), null).header("Authorization", basic("auditor1", "guess"));
    for (int i = 0; i < 3; i++) {
      assertThat(right.get("/api/deals?size=1").status()).isEqualTo(200);
      assertProblem(wrong.get("/api/deals?size=1"), 401, null);
    }
  }

  @Test
  void a_changed_or_removed_user_takes_effect_at_once() {
    LedgerUsers users = LEDGER.querySide().getBean(LedgerUsers.class);
    String name = SharedLedger.unique("temp");
    users.save(
        User.withUsername(name).password("{bcrypt}" + bcrypt("first")).roles("AUDITOR").build());
    Api first = Api.at(LEDGER.queryPort(), null).header("Authorization", basic(name, "first"));
    assertThat(first.get("/api/deals?size=1").status()).isEqualTo(200);
    assertThat(first.get("/api/deals?size=1").status()).as("again, from the cache").isEqualTo(200);

    users.save(User.withUsername(name).password("{noop}second").roles("AUDITOR").build());
    assertProblem(first.get("/api/deals?size=1"), 401, null);
    Api second = Api.at(LEDGER.queryPort(), null).header("Authorization", basic(name, "second"));
    assertThat(second.get("/api/deals?size=1").status()).isEqualTo(200);

    users.save(User.withUsername(name).password("{noop}second").roles().build());
    assertProblem(second.get("/api/deals?size=1"), 403, null);

    users.remove(name);
    assertProblem(second.get("/api/deals?size=1"), 401, null);
  }

  @Test
  void health_tells_strangers_only_up_or_down_and_a_login_the_details() {
    for (int port : new int[] {LEDGER.commandPort(), LEDGER.queryPort()}) {
      Api.Response anonymous = Api.at(port, null).get("/actuator/health");
      assertThat(anonymous.status()).isEqualTo(200);
      JsonNode body = anonymous.json();
      assertThat(body.get("status").asText()).isEqualTo("UP");
      assertThat(body.size()).as(anonymous.text()).isEqualTo(1);
      assertThat(anonymous.text()).doesNotContain(SharedLedger.dataDir().toString());
    }
    Api.Response detailed = Api.at(LEDGER.queryPort(), "auditor1").get("/actuator/health");
    assertThat(detailed.json().at("/components/projections/details/processors").isObject())
        .as(detailed.text())
        .isTrue();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String bcrypt(String password) {
    return new BCryptPasswordEncoder().encode(password);
  }
}
