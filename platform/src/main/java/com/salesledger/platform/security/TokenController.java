package com.salesledger.platform.security;

import com.salesledger.platform.web.LedgerProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/token}: a user who logged in with name and password (HTTP Basic) gets a
 * signed bearer token with their name, roles and expiry, accepted by both apps.
 */
@RestController
class TokenController {

  private final JwtEncoder encoder;
  private final TokenSettings settings;
  private final SsoSettings sso;
  private final Clock clock;

  TokenController(JwtEncoder encoder, TokenSettings settings, SsoSettings sso, Clock clock) {
    this.encoder = encoder;
    this.settings = settings;
    this.sso = sso;
    this.clock = clock;
  }

  @PostMapping("/api/auth/token")
  Map<String, Object> token() {
    if (sso.enabled()) {
      throw LedgerProblem.notFound(
          "Tokens come from the identity provider in single sign-on mode, not from the ledger.");
    }
    if (!(SecurityContextHolder.getContext().getAuthentication()
        instanceof UsernamePasswordAuthenticationToken)) {
      // A token must not renew itself for ever: the password is asked again.
      throw new LedgerProblem(
          HttpStatus.FORBIDDEN, "Get a token with your user name and password (HTTP Basic).");
    }
    Actor actor = Actor.current();
    Instant now = Instant.now(clock);
    Instant expiresAt = now.plus(settings.lifetime());
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(TokenSettings.ISSUER)
            .subject(actor.name())
            .issuedAt(now)
            .expiresAt(expiresAt)
            .id(UUID.randomUUID().toString())
            .claim(
                TokenSettings.ROLES_CLAIM, actor.roles().stream().map(Enum::name).sorted().toList())
            .build();
    String token =
        encoder
            .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
            .getTokenValue();
    return Map.of("token", token, "tokenType", "Bearer", "expiresAt", expiresAt);
  }
}
