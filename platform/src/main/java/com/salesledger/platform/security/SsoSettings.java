package com.salesledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on: with an issuer URI (OpenID discovery) or a JWK set URI, both apps accept the
 * identity provider's JWTs instead of their own.
 *
 * @param issuerUri the provider's issuer, e.g. {@code https://idp.example/realms/sales}
 * @param jwkSetUri the provider's key set, when discovery is not available
 * @param rolesClaim where the ledger roles are in the token; dots walk into objects, e.g. {@code
 *     realm_access.roles} for Keycloak. Values are matched to {@link Role} ignoring case.
 * @param userClaim the claim that holds the user name the ledger knows (a deal's owner rep); the
 *     subject when the token lacks it
 */
@ConfigurationProperties("ledger.security.sso")
public record SsoSettings(String issuerUri, String jwkSetUri, String rolesClaim, String userClaim) {

  public SsoSettings {
    issuerUri = blankToNull(issuerUri);
    jwkSetUri = blankToNull(jwkSetUri);
    rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    userClaim = userClaim == null || userClaim.isBlank() ? "preferred_username" : userClaim;
  }

  public boolean enabled() {
    return issuerUri != null || jwkSetUri != null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
