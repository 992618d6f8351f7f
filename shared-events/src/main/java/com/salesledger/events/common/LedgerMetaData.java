package com.salesledger.events.common;

/**
 * Keys of the metadata every command and event carries. The user always comes from the
 * authenticated login, never from a request body.
 */
public final class LedgerMetaData {

  /** The authenticated user who issued the command. */
  public static final String USER = "user";

  /** Comma-separated roles of that user at the time of the command. */
  public static final String ROLES = "roles";

  /** The reason given with the command, where it had one. */
  public static final String REASON = "reason";

  /** Ties every event of one request together (Axon's own key, so it propagates). */
  public static final String CORRELATION_ID = "correlationId";

  /** The client's Idempotency-Key header, where one was sent. */
  public static final String IDEMPOTENCY_KEY = "idempotencyKey";

  /** Hash of the request the idempotency key was first used with. */
  public static final String REQUEST_HASH = "requestHash";

  private LedgerMetaData() {}
}
