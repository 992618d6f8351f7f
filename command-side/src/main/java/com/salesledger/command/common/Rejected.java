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

  public static Rejected conflict(String message) {
    return new Rejected(Rejection.Kind.CONFLICT, null, message);
  }

  public static Rejected rule(String message) {
    return new Rejected(Rejection.Kind.RULE, null, message);
  }

  public Rejection rejection() {
    return rejection;
  }
}
