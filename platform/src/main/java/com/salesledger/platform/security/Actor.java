package com.salesledger.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking: a user name and the ledger roles they hold. Built from the login on an HTTP
 * request, or from a command's metadata inside an aggregate; unknown role names are ignored.
 */
public record Actor(String name, Set<Role> roles) {

  public Actor {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** The user behind the current request; fails when nobody is logged in. */
  public static Actor current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      throw new IllegalStateException("no authenticated user");
    }
    return new Actor(
        auth.getName(),
        roles(
            auth.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))));
  }

  /** An actor from the comma-separated role names that {@link #rolesAsText()} writes. */
  public static Actor of(String name, String rolesText) {
    return new Actor(
        name,
        rolesText == null || rolesText.isBlank()
            ? Set.of()
            : roles(Arrays.stream(rolesText.split(",")).map(String::trim)));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean hasAny(Set<Role> wanted) {
    return wanted.stream().anyMatch(roles::contains);
  }

  public String rolesAsText() {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  private static Set<Role> roles(Stream<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    names
        .filter(n -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(n)))
        .forEach(n -> roles.add(Role.valueOf(n)));
    return roles;
  }
}
