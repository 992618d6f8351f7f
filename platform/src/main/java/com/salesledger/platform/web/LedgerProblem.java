package com.salesledger.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Refuses a request with a definite status and a sentence a user can act on. Rendered as {@code
 * application/problem+json} by {@link ProblemResponses}.
 */
public class LedgerProblem extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldError> errors;
  private final Integer retryAfterSeconds;

  public LedgerProblem(HttpStatus status, String detail) {
    this(status, detail, List.of(), null);
  }

  public LedgerProblem(
      HttpStatus status, String detail, List<FieldError> errors, Integer retryAfterSeconds) {
    super(detail);
    this.status = status;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static LedgerProblem invalid(String field, String message) {
    return new LedgerProblem(
        HttpStatus.BAD_REQUEST,
        field + ": " + message,
        List.of(new FieldError(field, message)),
        null);
  }

  public static LedgerProblem notFound(String detail) {
    return new LedgerProblem(HttpStatus.NOT_FOUND, detail);
  }

  public static LedgerProblem forbidden(String detail) {
    return new LedgerProblem(HttpStatus.FORBIDDEN, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
