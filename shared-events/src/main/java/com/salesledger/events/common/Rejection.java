package com.salesledger.events.common;

/**
 * Why a command was refused, as it travels back from a command handler (also across Axon Server).
 * {@code field} is null when the rule is not about a single field.
 */
public record Rejection(Kind kind, String field, String message) {

  public enum Kind {
    /** Bad input: a field breaks a rule of its own (400). */
    INVALID,
    /** The caller may not do this to this aggregate (403). */
    FORBIDDEN,
    /** No such aggregate (404). */
    NOT_FOUND,
    /** Illegal state change, duplicate id or stale version (409). */
    CONFLICT,
    /** A business rule refused the command (422). */
    RULE,
    /** The handler could not reach a store it needs; nothing was applied, retry (503). */
    UNAVAILABLE
  }
}
