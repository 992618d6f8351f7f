package com.salesledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RecentlyVerifiedTokensTest {

  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final AtomicInteger checks = new AtomicInteger();

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  /** Accepts "good-*" tokens, expiring 5 minutes after T0; refuses everything else. */
  private final JwtDecoder signatureCheck =
      token -> {
        checks.incrementAndGet();
        if (!token.startsWith("good-")) {
          throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
            .header("alg", "HS256")
            .subject("rep1")
            .issuedAt(T0)
            .expiresAt(T0.plus(Duration.ofMinutes(5)))
            .build();
      };

  private final RecentlyVerifiedTokens tokens =
      new RecentlyVerifiedTokens(signatureCheck, Duration.ofSeconds(60), clock);

  @Test
  void a_verified_token_is_not_checked_again_within_the_window() {
    assertThat(tokens.decode("good-1").getSubject()).isEqualTo("rep1");
    tokens.decode("good-1");
    tokens.decode("good-1");
    assertThat(checks).hasValue(1);
  }

  @Test
  void a_refused_token_is_checked_and_refused_every_time() {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
    }
    assertThat(checks).hasValue(3);
  }

  @Test
  void the_token_is_checked_again_after_the_window() {
    tokens.decode("good-1");
    now.set(T0.plusSeconds(61));
    tokens.decode("good-1");
    assertThat(checks).hasValue(2);
  }

  @Test
  void a_token_is_never_remembered_past_its_own_expiry() {
    now.set(T0.plus(Duration.ofMinutes(4)).plusSeconds(30));
    tokens.decode("good-1");
    now.set(T0.plus(Duration.ofMinutes(5)));
    tokens.decode("good-1");
    assertThat(checks).hasValue(2);
  }
}
