package com.salesledger.command.common;

import com.salesledger.platform.security.Actor;
import com.salesledger.platform.web.LedgerProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ids travel in URLs and audit exports, so they are kept to a safe, bounded alphabet. */
public final class Ids {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  /**
   * A region, team or rep: it is written {@code LEVEL:id} in target ids and queries, and a target
   * id ({@code REGION:<id>:2026-Q1:NEW_CUSTOMERS}) must still be a {@link #SAFE} id, so no ':' and
   * at most 32 characters.
   */
  private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

  private Ids() {}

  public static String require(String field, String id) {
    if (id == null || !SAFE.matcher(id).matches()) {
      throw LedgerProblem.invalid(
          field,
          "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
    }
    return id;
  }

  /** The id of a region, team or rep, as the organisation records it and targets name it. */
  public static String requireScopeId(String field, String id) {
    if (id == null || !SCOPE.matcher(id).matches()) {
      throw LedgerProblem.invalid(
          field,
          "must be 1 to 32 letters, digits, '.', '_' or '-' (no ':'), starting with a letter or"
              + " digit");
    }
    return id;
  }

  /**
   * The id of a new aggregate the caller did not name. With an Idempotency-Key it is derived from
   * the user and the key, so a retried request addresses the same aggregate: its events, which
   * carry the key, can then be found again even if the key's row was never committed ({@link
   * IdempotencyKeys}), and a second aggregate is never opened for one request.
   */
  public static String generate(HttpServletRequest request) {
    String key = request.getHeader(CommandDispatcher.IDEMPOTENCY_KEY_HEADER);
    if (key == null) {
      return UUID.randomUUID().toString();
    }
    String seed = Actor.current().name() + "\n" + key;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
