package com.salesledger.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users and roles from configuration, e.g. {@code ledger.security.users[0].name=alice}, {@code
 * .password={bcrypt}...}, {@code .roles=FINANCE}. Passwords carry Spring Security's encoder prefix
 * ({@code {bcrypt}}, {@code {pbkdf2}}, {@code {noop}} for throw-away setups).
 */
@ConfigurationProperties("ledger.security")
public record LedgerUsersProperties(List<User> users) {

  public LedgerUsersProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  public record User(String name, String password, List<Role> roles) {}
}
