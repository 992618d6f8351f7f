package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Bearer tokens for the tests: asked of the ledger, or signed here with a key of choice. */
final class Tokens {

  private Tokens() {}

  /** A token from {@code POST /api/auth/token} on that port, for a demo user. */
  static String issued(int port, String user) {
    Api.Response answer = Api.at(port, user).post("/api/auth/token", Map.of());
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json().get("token").asText();
  }

  /** The HMAC key a ledger keeps in its data folder. */
  static byte[] keyOf(Path dataDir) {
    try {
      return Base64.getDecoder()
          .decode(Files.readString(dataDir.resolve("token-signing.key")).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Claims as the ledger writes them: issuer, user, roles, issued and expiry times. */
  static JWTClaimsSet.Builder claims(String user, List<String> roles, Instant expiresAt) {
    return new JWTClaimsSet.Builder()
        .issuer("sales-ledger")
        .subject(user)
        .claim("roles", roles)
        .issueTime(Date.from(expiresAt.minusSeconds(60)))
        .expirationTime(Date.from(expiresAt));
  }

  static String signedWithKey(byte[] key, JWTClaimsSet claims) {
    try {
      return sign(new MACSigner(key), JWSAlgorithm.HS256, null, claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sign(JWSSigner signer, JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
