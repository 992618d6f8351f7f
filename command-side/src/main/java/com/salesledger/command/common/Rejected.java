package com.salesledger.command.common;

import com.salesledger.events.common.Rejection;

/** Thrown by aggregates to refuse a command; the API turns it into the matching 4xx. */
public class Rejected extends RuntimeException {

  private final Rejection rejection;

  private Rejected(Rejection.Kind kind, String field, String message) {
    super(field == null ? message : field + " " + message);
    this.rejection = new Rejection(kind, field, message);
  }

  public static Rejected invalid(String field, String message) {
    return new Rejected(Rejection.Kind.INVALID, field, message);
  }

  public static Rejected forbidden(String message) {
    return new Rejected(Rejection.Kind.FORBIDDEN, null, message);
  }

  public static Rejected notFound(String message) {
    return new Rejected(Rejection.Kind.NOT_FOUND, null, message);
  }

  /**
   * An id the caller cannot see: the same answer whether no such record exists or it lies outside
   * the caller's data scope, so a refusal never tells that it exists.
   */
  public static Rejected unknown(String id) {
    return notFound(unknownMessage(id));
  }

  public static String unknownMessage(String id) {
    return "No record with id " + id + ".";
  }

  public static Rejected conflict(String message) {
    return new Rejected(Rejection.Kind.CONFLICT, null, message);
  }

  public static Rejected rule(String message) {
    return new Rejected(Rejection.Kind.RULE, null, message);
  }

  /** A business rule about one field refused the command (422 naming the field). */
  public static Rejected rule(String field, String message) {
    return new Rejected(Rejection.Kind.RULE, field, message);
  }

  public Rejection rejection() {
    return rejection;
  }
}
