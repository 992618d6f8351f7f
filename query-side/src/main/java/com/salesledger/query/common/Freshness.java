package com.salesledger.query.common;

import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.PositionHeader;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a query that names a position (the {@code minPosition} parameter or the {@code
 * X-Ledger-Min-Position} header) waits, bounded, until its read model has processed it.
 */
@Component
public class Freshness {

  /**
   * The organisation's processor: a manager's data scope is read from its read model, so every
   * query that waits for a position waits for it too (else a manager's freshly changed teams could
   * be missing from an answer that claims the position).
   */
  public static final String ORGANISATION_PROCESSOR = "organisation";

  private static final long POLL_MS = 10;

  private final ProjectionPositions positions;
  private final long maxWaitMs;

  public Freshness(
      ProjectionPositions positions, @Value("${ledger.query.max-wait-ms:5000}") long maxWaitMs) {
    this.positions = positions;
    this.maxWaitMs = maxWaitMs;
  }

  /**
   * Waits until every named processor has processed the requested position, then answers the
   * position the read model is at (the lowest of the processors).
   */
  public long await(HttpServletRequest request, String... named) {
    String[] processors = withOrganisation(named);
    long wanted = requestedPosition(request);
    long deadline = System.nanoTime() + maxWaitMs * 1_000_000;
    while (true) {
      if (allProcessed(wanted, processors)) {
        return Math.max(lowest(processors), 0);
      }
      if (System.nanoTime() > deadline) {
        throw new LedgerProblem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The read model is at position "
                + Math.max(lowest(processors), 0)
                + " and has not reached "
                + wanted
                + " yet; retry shortly.",
            List.of(),
            1);
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the read model", e);
      }
    }
  }

  /** The named processors and the organisation's, which every data scope is read from. */
  static String[] withOrganisation(String... named) {
    for (String processor : named) {
      if (processor.equals(ORGANISATION_PROCESSOR)) {
        return named;
      }
    }
    String[] all = java.util.Arrays.copyOf(named, named.length + 1);
    all[named.length] = ORGANISATION_PROCESSOR;
    return all;
  }

  private boolean allProcessed(long wanted, String... processors) {
    for (String processor : processors) {
      if (!positions.hasProcessed(processor, wanted)) {
        return false;
      }
    }
    return true;
  }

  private long lowest(String... processors) {
    long lowest = Long.MAX_VALUE;
    for (String processor : processors) {
      lowest = Math.min(lowest, positions.position(processor));
    }
    return lowest;
  }

  private static long requestedPosition(HttpServletRequest request) {
    String parameter = request.getParameter("minPosition");
    String header = request.getHeader(PositionHeader.MIN_POSITION);
    long wanted = 0;
    if (parameter != null) {
      wanted = Math.max(wanted, parse("minPosition", parameter));
    }
    if (header != null) {
      wanted = Math.max(wanted, parse(PositionHeader.MIN_POSITION, header));
    }
    return wanted;
  }

  private static long parse(String field, String value) {
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed < 0) {
        throw LedgerProblem.invalid(field, "must be a position of 0 or more");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw LedgerProblem.invalid(field, "must be a whole number");
    }
  }
}
