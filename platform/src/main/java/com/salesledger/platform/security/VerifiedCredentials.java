package com.salesledger.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * HTTP Basic without a password hash on every request: a name and password that verified within the
 * last {@code ttl} are accepted again without hashing, as long as the user is unchanged.
 *
 * <ul>
 *   <li>The cache is keyed by an HMAC of name and password under a key made at start-up and never
 *       stored: neither the password nor a plain hash of it is kept.
 *   <li>A wrong password has another key, so it is never found and is checked (and refused) every
 *       time.
 *   <li>Every hit looks the user up again (a map look-up for configured users) and compares the
 *       stored password hash, roles and account flags with those at verification: a changed or
 *       removed user takes effect at once.
 * </ul>
 */
final class VerifiedCredentials implements AuthenticationProvider {

  /** Beyond this many entries the cache starts afresh rather than grow without bound. */
  static final int MAX_ENTRIES = 10_000;

  private record Fingerprint(
      String password, Set<String> authorities, boolean usable, String name) {

    static Fingerprint of(UserDetails user) {
      return new Fingerprint(
          user.getPassword(),
          Set.copyOf(user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()),
          user.isEnabled()
              && user.isAccountNonExpired()
              && user.isAccountNonLocked()
              && user.isCredentialsNonExpired(),
          user.getUsername());
    }
  }

  private record Entry(Fingerprint user, Authentication result, long expiresAtNanos) {}

  private final AuthenticationProvider verifier;
  private final UserDetailsService users;
  private final long ttlNanos;
  private final SecretKeySpec digestKey;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * @param verifier checks a password the slow way (e.g. bcrypt)
   * @param users where users are looked up on every cache hit
   */
  VerifiedCredentials(AuthenticationProvider verifier, UserDetailsService users, Duration ttl) {
    this.verifier = verifier;
    this.users = users;
    this.ttlNanos = ttl.toNanos();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.digestKey = new SecretKeySpec(key, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String name = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (name == null || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    String key = digest(name, credentials.toString());
    long now = System.nanoTime();
    Entry entry = entries.get(key);
    if (entry != null) {
      if (now - entry.expiresAtNanos() < 0 && entry.user().equals(current(name))) {
        return entry.result();
      }
      entries.remove(key, entry);
    }
    Authentication result = verifier.authenticate(authentication);
    Fingerprint verified = current(name);
    if (result != null && verified != null && verified.usable()) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(key, new Entry(verified, result, now + ttlNanos));
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  int size() {
    return entries.size();
  }

  private Fingerprint current(String name) {
    try {
      return Fingerprint.of(users.loadUserByUsername(name));
    } catch (UsernameNotFoundException gone) {
      return null;
    }
  }

  private String digest(String name, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(digestKey);
      mac.update(name.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
