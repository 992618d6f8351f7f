package com.salesledger.launcher;

import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.TestDeals.dealFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on: with an issuer URI set, both apps accept the identity provider's tokens (keys
 * from its JWK set, found through OpenID discovery), read the user and the roles from the
 * configured claims, and refuse tokens the provider did not sign.
 */
class SingleSignOnTest {

  private static HttpServer provider;
  private static String issuer;
  private static RSAKey providerKey;
  private static Ledger ledger;
  private static Path dataDir;

  @BeforeAll
  static void start() throws IOException, JOSEException {
    providerKey = new RSAKeyGenerator(2048).keyID("provider-key").generate();
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/sales";
    serve(
        "/realms/sales/.well-known/openid-configuration",
        "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}");
    serve("/realms/sales/certs", new JWKSet(providerKey.toPublicJWK()).toString());
    provider.start();
    dataDir = SharedLedger.tempDir();
    ledger =
        SharedLedger.start(
            dataDir,
            Map.of(
                "ledger.security.sso.issuer-uri",
                issuer,
                "ledger.security.sso.roles-claim",
                "realm_access.roles"));
  }

  @AfterAll
  static void stop() {
    if (ledger != null) {
      ledger.close();
    }
    provider.stop(0);
    SharedLedger.deleteRecursively(dataDir);
  }

  @Test
  void both_apps_accept_the_providers_token_with_its_user_and_roles() {
    String rep = providerToken("rep1", List.of("rep", "offline_access"), providerKey);
    Api.Response opened = Api.bearer(ledger.commandPort(), rep).post("/api/deals", dealFor("rep1"));
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    assertProblem(
        Api.bearer(ledger.commandPort(), rep).post("/api/deals", dealFor("rep2")), 403, null);
    Api.Response mine =
        Api.bearer(ledger.queryPort(), rep).get("/api/deals?minPosition=" + opened.position());
    assertThat(mine.status()).as(mine.text()).isEqualTo(200);
    assertThat(mine.json().get("deals").findValuesAsText("ownerRep")).containsOnly("rep1");

    String noLedgerRole = providerToken("visitor", List.of("offline_access"), providerKey);
    assertProblem(Api.bearer(ledger.queryPort(), noLedgerRole).get("/api/deals"), 403, null);
  }

  @Test
  void tokens_the_provider_did_not_sign_are_refused() throws JOSEException {
    RSAKey impostor = new RSAKeyGenerator(2048).keyID("provider-key").generate();
    String forged = providerToken("manager1", List.of("manager"), impostor);
    String ledgerSigned =
        Tokens.signedWithKey(
            Tokens.keyOf(dataDir),
            Tokens.claims("manager1", List.of("MANAGER"), Instant.now().plusSeconds(300)).build());
    for (String token : List.of(forged, ledgerSigned)) {
      for (int port : new int[] {ledger.commandPort(), ledger.queryPort()}) {
        assertProblem(Api.bearer(port, token).get("/api/deals"), 401, null);
      }
    }
    assertProblem(
        Api.at(ledger.commandPort(), "manager1").post("/api/auth/token", Map.of()), 404, null);
    assertThat(Api.at(ledger.queryPort(), "manager1").get("/api/deals").status())
        .as("HTTP Basic still works for scripts")
        .isEqualTo(200);
  }

  private static String providerToken(String user, List<String> roles, RSAKey key) {
    try {
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(issuer)
              .subject("f3a1-" + user)
              .claim("preferred_username", user)
              .claim("realm_access", Map.of("roles", roles))
              .issueTime(new Date())
              .expirationTime(Date.from(Instant.now().plusSeconds(300)))
              .build();
      return Tokens.sign(new RSASSASigner(key), JWSAlgorithm.RS256, key.getKeyID(), claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void serve(String path, String json) {
    provider.createContext(
        path,
        exchange -> {
          byte[] body = json.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
  }
}
