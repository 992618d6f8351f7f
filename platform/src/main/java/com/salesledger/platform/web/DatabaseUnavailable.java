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
 * A request that failed because the database cannot be reached, or could not complete it at that
 * moment (out of resources, timed out, a deadlock), answers 503 with {@code Retry-After}, not 500:
 * it is the operator's news, not a bug. The failure may surface wrapped in any layer (Spring JDBC,
 * transaction creation, Axon's storage engine and command bus), so the whole cause chain is read.
 * Runs before the {@code @ExceptionHandler}s, then lets {@link ProblemResponses} render the answer.
 */
@Component
public class DatabaseUnavailable implements HandlerExceptionResolver, Ordered {

  static final int RETRY_AFTER_SECONDS = 2;
  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

  /** Connection exceptions (class 08) and a server that is shutting down or starting up. */
  private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03");

  private static final String OUTAGE_CLASS = "08";

  private final HandlerExceptionResolver problemResponses;

  DatabaseUnavailable(
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problemResponses) {
    this.problemResponses = problemResponses;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    if (!isTransient(e)) {
      return null;
    }
    boolean outage = isOutage(e);
    log.warn(
        "{} {}: the database {} ({})",
        request.getMethod(),
        request.getRequestURI(),
        outage ? "is unavailable" : "could not complete it right now",
        rootCause(e));
    return problemResponses.resolveException(
        request, response, handler, outage ? problem() : busy());
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

  /**
   * The answer to a request the database could not complete at that moment (a shortage of resources
   * or time, or a race it lost inside the database): 503 with Retry-After.
   */
  public static LedgerProblem busy() {
    return new LedgerProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "The ledger's database could not complete this right now (out of resources, timed out or"
            + " in contention); nothing was changed. Retry shortly; a command retried with the same"
            + " Idempotency-Key is applied at most once.",
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
    }
    return hasState(failure, OUTAGE_STATES, OUTAGE_CLASS);
  }

  /**
   * A race lost inside the database: serialization failure or deadlock (class 40), lock not
   * available (55P03). The transaction was rolled back; the same work sent again may pass.
   */
  private static final Set<String> CONTENTION_STATES = Set.of("55P03");

  private static final String CONTENTION_CLASS = "40";

  /**
   * The database short of something at that moment: insufficient resources (class 53: disk full,
   * out of memory, too many connections), a statement cancelled or timed out (57014), an I/O error
   * (58030).
   */
  private static final Set<String> BUSY_STATES = Set.of("57014", "58030");

  private static final String BUSY_CLASS = "53";

  /** True when the failure, however wrapped, is a race lost inside the database. */
  public static boolean isContention(Throwable failure) {
    return hasState(failure, CONTENTION_STATES, CONTENTION_CLASS);
  }

  /** True when the failure, however wrapped, is the database short of resources or time. */
  public static boolean isBusy(Throwable failure) {
    return hasState(failure, BUSY_STATES, BUSY_CLASS);
  }

  /**
   * True when the failure is the database's at that moment and would pass if tried again later: an
   * outage, a lost race inside it, or a shortage.
   */
  public static boolean isTransient(Throwable failure) {
    return isOutage(failure) || isContention(failure) || isBusy(failure);
  }

  private static boolean hasState(Throwable failure, Set<String> states, String stateClass) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (states.contains(state) || state.startsWith(stateClass)) {
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
