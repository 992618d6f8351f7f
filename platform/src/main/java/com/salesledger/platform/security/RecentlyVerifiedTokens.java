package com.salesledger.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A bearer token is sent with every request of a session; parsing it and checking its signature
 * each time was about a tenth of a command's request-thread CPU (profiled). A token that verified
 * is remembered, by its exact text, for a short while and never past its own expiry; a token that
 * failed is never remembered, so it is refused every time. A token's text cannot change without its
 * signature failing, so the remembered answer is the one a new check would give until expiry.
 */
final class RecentlyVerifiedTokens implements JwtDecoder {

  /** Beyond this many entries the cache starts afresh rather than grow without bound. */
  static final int MAX_ENTRIES = 10_000;

  private record Entry(Jwt jwt, Instant until) {}

  private final JwtDecoder verifier;
  private final Duration remember;
  private final Clock clock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  RecentlyVerifiedTokens(JwtDecoder verifier, Duration remember, Clock clock) {
    this.verifier = verifier;
    this.remember = remember;
    this.clock = clock;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Instant now = clock.instant();
    Entry entry = entries.get(token);
    if (entry != null) {
      if (now.isBefore(entry.until())) {
        return entry.jwt();
      }
      entries.remove(token, entry);
    }
    Jwt jwt = verifier.decode(token);
    Instant until = now.plus(remember);
    if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
      until = jwt.getExpiresAt();
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(token, new Entry(jwt, until));
    return jwt;
  }
}
