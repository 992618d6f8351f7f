package com.salesledger.platform.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Bearer tokens: the ledger's own (HMAC-SHA256, signed with {@link TokenSigningKey}) or, in
 * single-sign-on mode, the identity provider's. Verification is Spring Security's resource server
 * with Nimbus; nothing here parses a token by hand.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TokenSettings.class, SsoSettings.class})
class TokenConfiguration {

  /** The ledger's own tokens come from hosts with synchronised clocks: a short tolerance. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

  /** How long a verified token is taken without checking its signature again. */
  private static final Duration REMEMBER_VERIFIED = Duration.ofSeconds(60);

  @Bean
  SecretKey tokenSigningKey(
      TokenSettings settings, @Value("${ledger.data-dir:./data}") String dataDir) {
    return TokenSigningKey.resolve(settings.signingKey(), Path.of(dataDir));
  }

  @Bean
  JwtEncoder jwtEncoder(SecretKey tokenSigningKey) {
    return new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey));
  }

  @Bean
  JwtDecoder jwtDecoder(SecretKey tokenSigningKey, SsoSettings sso) {
    if (sso.issuerUri() != null) {
      // Discovery runs on first use, so the apps start while the provider is away.
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(sso.issuerUri()).build();
      decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(sso.issuerUri()));
      return decoder;
    }
    if (sso.jwkSetUri() != null) {
      return NimbusJwtDecoder.withJwkSetUri(sso.jwkSetUri()).build();
    }
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(tokenSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(CLOCK_SKEW), new JwtIssuerValidator(TokenSettings.ISSUER)));
    return decoder;
  }

  @Bean
  JwtAuthenticationProvider jwtAuthenticationProvider(JwtDecoder decoder, SsoSettings sso) {
    JwtAuthenticationProvider provider =
        new JwtAuthenticationProvider(
            new RecentlyVerifiedTokens(decoder, REMEMBER_VERIFIED, Clock.systemUTC()));
    provider.setJwtAuthenticationConverter(
        sso.enabled()
            ? new JwtRoles(sso.rolesClaim(), sso.userClaim())
            : new JwtRoles(TokenSettings.ROLES_CLAIM, "sub"));
    return provider;
  }
}
