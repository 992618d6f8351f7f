package com.salesledger.platform.web.input;

import com.salesledger.platform.web.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets, before security and Spring MVC: a body above {@code
 * ledger.input.max-body-size} is refused with 413 (at once when its length is declared, as soon as
 * it grows past the limit when it is chunked); path segments, query parameters and the ledger's own
 * headers must pass {@link TextRules}, because they reach SQL and event metadata too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestGuardFilter extends OncePerRequestFilter {

  /** Headers whose values the ledger stores or parses; sent by clients, so checked here. */
  static final List<String> LEDGER_HEADERS =
      List.of("Idempotency-Key", "X-Correlation-Id", "X-Ledger-Min-Position");

  private static final int MAX_HEADER_LENGTH = 255;

  private final long maxBodyBytes;

  public RequestGuardFilter(@Value("${ledger.input.max-body-size:1MB}") DataSize maxBodySize) {
    this.maxBodyBytes = maxBodySize.toBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      refuse(
          response,
          413,
          "The request body has "
              + request.getContentLengthLong()
              + " bytes; at most "
              + maxBodyBytes
              + " are accepted.");
      return;
    }
    Optional<BrokenRule> broken = brokenRule(request);
    if (broken.isPresent()) {
      refuse(response, broken.get());
      return;
    }
    chain.doFilter(new LimitedBodyRequest(request, maxBodyBytes), response);
  }

  /**
   * What broke a rule: the field a client reads in {@code errors} (the parameter's or header's
   * name, or "path"), the rule, and what the detail calls it.
   */
  private record BrokenRule(String field, String what, String rule) {}

  private static Optional<BrokenRule> brokenRule(HttpServletRequest request) {
    for (String segment : request.getRequestURI().split("/")) {
      Optional<BrokenRule> broken = check("path", "path segment", segment, false);
      if (broken.isPresent()) {
        return broken;
      }
    }
    String query = request.getQueryString();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String decodedName = decodeQuietly(name);
        Optional<BrokenRule> broken =
            check("query", "query parameter name", name, true)
                .or(
                    () ->
                        eq < 0
                            ? Optional.empty()
                            : check(
                                decodedName,
                                "query parameter " + decodedName,
                                pair.substring(eq + 1),
                                true));
        if (broken.isPresent()) {
          return broken;
        }
      }
    }
    for (String header : LEDGER_HEADERS) {
      String value = request.getHeader(header);
      if (value != null && !printableAscii(value)) {
        return Optional.of(
            new BrokenRule(
                header,
                "header " + header,
                "must be 1 to " + MAX_HEADER_LENGTH + " printable ASCII characters when given"));
      }
    }
    return Optional.empty();
  }

  private static Optional<BrokenRule> check(
      String field, String what, String encoded, boolean query) {
    String decoded;
    try {
      // In a path '+' is itself; in a query it stands for a space.
      decoded =
          URLDecoder.decode(query ? encoded : encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.of(new BrokenRule(field, what, "is not properly percent-encoded"));
    }
    TextRules.Result result = TextRules.check(decoded, false);
    return result.ok() ? Optional.empty() : Optional.of(new BrokenRule(field, what, result.rule()));
  }

  private static String decodeQuietly(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  private static boolean printableAscii(String value) {
    if (value.isEmpty() || value.length() > MAX_HEADER_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  static void refuse(HttpServletResponse response, int status, String detail) throws IOException {
    write(response, status, ProblemJson.of(status, detail));
  }

  /** A 400 naming the field in {@code errors}, as every other validation error does. */
  private static void refuse(HttpServletResponse response, BrokenRule broken) throws IOException {
    write(
        response,
        400,
        ProblemJson.invalid(broken.what() + ": " + broken.rule(), broken.field(), broken.rule()));
  }

  private static void write(HttpServletResponse response, int status, String problem)
      throws IOException {
    response.setStatus(status);
    response.setContentType(ProblemJson.CONTENT_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(problem);
  }
}
