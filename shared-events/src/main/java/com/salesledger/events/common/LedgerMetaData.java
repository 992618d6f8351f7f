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

  /** Ties every event of one request together (the client's X-Correlation-Id, or generated). */
  public static final String CORRELATION_ID = "correlationId";

  /** Id of the message (command or event) that directly caused this one. */
  public static final String CAUSATION_ID = "causationId";

  /** Id of the first message of the chain this one belongs to. */
  public static final String TRACE_ID = "traceId";

  /** The client's Idempotency-Key header, where one was sent. */
  public static final String IDEMPOTENCY_KEY = "idempotencyKey";

  /** Hash of the request the idempotency key was first used with. */
  public static final String REQUEST_HASH = "requestHash";

  private LedgerMetaData() {}
}
