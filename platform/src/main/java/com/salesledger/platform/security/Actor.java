package com.salesledger.platform.security;

import com.salesledger.events.common.Visibility;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated user behind the current request. */
public record Actor(String name, Set<Role> roles) {

  public static Actor current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      throw new IllegalStateException("no authenticated user");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    auth.getAuthorities().stream()
        .map(a -> a.getAuthority())
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring(5))
        .filter(a -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(a)))
        .forEach(a -> roles.add(Role.valueOf(a)));
    return new Actor(auth.getName(), roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** A rep and nothing more senior: sees and touches only their own deals. */
  public boolean isRepOnly() {
    return Visibility.ownDealsOnly(roles.stream().map(Enum::name).collect(Collectors.toSet()));
  }

  public String rolesAsText() {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }
}
