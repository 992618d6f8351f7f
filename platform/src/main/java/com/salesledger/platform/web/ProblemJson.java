package com.salesledger.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A problem document written by hand, for the places that answer outside Spring MVC (servlet
 * filters, Tomcat's error report valve): status, title, detail and, for invalid input, the field
 * and its rule; never a stack trace.
 */
public final class ProblemJson {

  public static final String CONTENT_TYPE = "application/problem+json";

  private ProblemJson() {}

  public static String of(int status, String detail) {
    HttpStatus known = HttpStatus.resolve(status);
    String title = known != null ? known.getReasonPhrase() : "Error";
    return "{\"type\":\"about:blank\",\"title\":"
        + quote(title)
        + ",\"status\":"
        + status
        + ",\"detail\":"
        + quote(detail)
        + "}";
  }

  /** A 400 whose {@code errors} name the one field that broke a rule, as Spring MVC's do. */
  public static String invalid(String detail, String field, String message) {
    String problem = of(400, detail);
    return problem.substring(0, problem.length() - 1)
        + ",\"errors\":[{\"field\":"
        + quote(field)
        + ",\"message\":"
        + quote(message)
        + "}]}";
  }

  /** A sentence for a status, when nothing more specific is known. */
  public static String defaultDetail(int status) {
    return switch (status) {
      case 400 -> "The request is malformed (its URL, headers or body could not be read).";
      case 404 -> "There is no such resource.";
      case 405 -> "This method is not allowed here.";
      case 413 -> "The request body is too large.";
      case 414 -> "The request URL is too long.";
      case 431 -> "The request headers are too large.";
      default ->
          status >= 500
              ? "The ledger failed to handle this request; nothing was changed by this failure itself."
              : "The request was refused.";
    };
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
