package com.salesledger.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bearer tokens the ledger issues ({@code POST /api/auth/token}).
 *
 * @param lifetime how long a token is accepted after it was issued
 * @param signingKey the HMAC-SHA256 key, base64, at least 32 bytes; when not set, a key is
 *     generated once and kept in {@code <ledger.data-dir>/token-signing.key} (owner-only), so
 *     tokens survive a restart and both apps of one data folder accept each other's. Set it (the
 *     same on both) when the apps run apart.
 */
@ConfigurationProperties("ledger.security.token")
public record TokenSettings(Duration lifetime, String signingKey) {

  public static final String ISSUER = "sales-ledger";
  public static final String ROLES_CLAIM = "roles";

  public TokenSettings {
    lifetime = lifetime == null ? Duration.ofMinutes(30) : lifetime;
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("ledger.security.token.lifetime must be positive");
    }
  }
}
