package com.salesledger.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified JWT into the ledger's login: the user from one claim (the subject when absent),
 * the roles from another, matched to {@link Role} ignoring case; other values are ignored.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String rolesClaim;
  private final String userClaim;

  JwtRoles(String rolesClaim, String userClaim) {
    this.rolesClaim = rolesClaim;
    this.userClaim = userClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Object value : values(jwt.getClaims(), rolesClaim)) {
      String name = String.valueOf(value).toUpperCase(Locale.ROOT);
      for (Role role : Role.values()) {
        if (role.name().equals(name)) {
          authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
      }
    }
    String user = jwt.getClaimAsString(userClaim);
    return new JwtAuthenticationToken(
        jwt, authorities, user == null || user.isBlank() ? jwt.getSubject() : user);
  }

  /** The values at a dotted claim path: a list, one string, or nothing. */
  private static Collection<?> values(Map<String, Object> claims, String path) {
    Object node = claims;
    for (String step : path.split("\\.")) {
      if (!(node instanceof Map<?, ?> map)) {
        return List.of();
      }
      node = map.get(step);
    }
    if (node instanceof Collection<?> list) {
      return list;
    }
    return node instanceof String single ? List.of(single) : List.of();
  }
}
