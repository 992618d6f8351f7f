package com.salesledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request that failed because the database cannot be reached answers 503 with {@code
 * Retry-After}, not 500: an outage is the operator's news, not a bug. The failure may surface
 * wrapped in any layer (Spring JDBC, transaction creation, Axon's storage engine and command bus),
 * so the whole cause chain is read. Runs before the {@code @ExceptionHandler}s, then lets {@link
 * ProblemResponses} render the answer.
 */
@Component
public class DatabaseUnavailable implements HandlerExceptionResolver, Ordered {

  static final int RETRY_AFTER_SECONDS = 2;
  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

  /** Connection exceptions (class 08) and a server that is shutting down or starting up. */
  private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03");

  private final HandlerExceptionResolver problemResponses;

  DatabaseUnavailable(
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problemResponses) {
    this.problemResponses = problemResponses;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    if (!isOutage(e)) {
      return null;
    }
    log.warn(
        "{} {}: the database is unavailable ({})",
        request.getMethod(),
        request.getRequestURI(),
        rootCause(e));
    return problemResponses.resolveException(request, response, handler, problem());
  }

  /** The answer to a request that met a database outage: 503 with Retry-After. */
  public static LedgerProblem problem() {
    return new LedgerProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "The ledger cannot reach its database right now. Retry shortly; a command retried with"
            + " the same Idempotency-Key is applied at most once.",
        List.of(),
        RETRY_AFTER_SECONDS);
  }

  private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

  /** True when the failure, however wrapped, is the database being unreachable. */
  public static boolean isOutage(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException
          || t instanceof CannotGetJdbcConnectionException
          || t instanceof CannotCreateTransactionException) {
        return true;
      }
      if (t instanceof SQLException sql && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
        // HikariCP (6.3) throws this, without an SQLState, when a statement uses a connection the
        // pool has already evicted after the server died: the same outage, seen a moment later.
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || OUTAGE_STATES.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * SQLSTATE classes and codes of a failure of the database at that moment rather than of what was
   * asked of it: transaction rollback (40: serialization failure, deadlock), insufficient resources
   * (53: disk full, out of memory, too many connections), lock not available (55P03), query
   * cancelled or timed out (57014), I/O error (58030).
   */
  private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "57014", "58030");

  private static final Set<String> TRANSIENT_CLASSES = Set.of("40", "53");

  /**
   * True when the failure, however wrapped, is the database's and would pass if tried again later:
   * an outage ({@link #isOutage}) or a transient state ({@link #TRANSIENT_STATES}).
   */
  public static boolean isTransient(Throwable failure) {
    if (isOutage(failure)) {
      return true;
    }
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (TRANSIENT_STATES.contains(state)
            || (state.length() == 5 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.toString();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
