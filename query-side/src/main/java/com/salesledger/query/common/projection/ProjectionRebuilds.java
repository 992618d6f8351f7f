package com.salesledger.query.common.projection;

import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.query.common.ProjectionPositions;
import com.salesledger.query.common.ReadModelGeneration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds projections beside the live ones. One extra processor reads the event stream once for
 * every projection asked for and fills their shadow tables, while the live processors and queries
 * go on as before. Once it has caught up with the head, the live processors stop for a moment and
 * one transaction swaps the shadow tables in and hands the rebuild's tokens to the live processors,
 * which then carry on from there. A failure drops the shadow tables and leaves the live model as it
 * was. One rebuild at a time.
 */
@Component
public class ProjectionRebuilds implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
  static final String REBUILD_PROCESSOR = "rebuild";
  private static final long LOG_EVERY_MS = 5_000;

  /** A rebuild that has not moved for this long has failed (e.g. a worker died of an error). */
  private static final long STALL_NANOS = 120_000_000_000L;

  private final Map<String, RebuildableProjection> projections;
  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final TokenStore tokenStore;
  private final TransactionManager axonTransactions;
  private final TransactionTemplate transaction;
  private final JdbcTemplate jdbc;
  private final ShadowTables shadows;
  private final ProjectionPositions positions;
  private final ReadModelGeneration generation;
  private final int batchSize;
  private final ScheduledExecutorService monitor =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "rebuild-monitor"));

  private volatile Run current;

  public ProjectionRebuilds(
      List<RebuildableProjection> projections,
      EventProcessingConfiguration processing,
      EventStore eventStore,
      TokenStore tokenStore,
      TransactionManager axonTransactions,
      PlatformTransactionManager transactions,
      JdbcTemplate jdbc,
      ProjectionPositions positions,
      ReadModelGeneration generation,
      @Value("${ledger.rebuild.batch-size:1000}") int batchSize) {
    this.generation = generation;
    this.projections = new java.util.TreeMap<>();
    projections.forEach(p -> this.projections.put(p.processor(), p));
    this.processing = processing;
    this.eventStore = eventStore;
    this.tokenStore = tokenStore;
    this.axonTransactions = axonTransactions;
    this.transaction = new TransactionTemplate(transactions);
    this.jdbc = jdbc;
    this.shadows = new ShadowTables(jdbc);
    this.positions = positions;
    this.batchSize = batchSize;
  }

  public List<String> names() {
    return List.copyOf(projections.keySet());
  }

  /** Every projection's tables, for checks and reports. */
  public List<String> tables(String name) {
    return projection(name).tables();
  }

  /** The running rebuild, else the last one; null when there was none. */
  public RebuildProgress progress() {
    Run run = current;
    return run == null ? null : run.progress();
  }

  /** Starts rebuilding {@code names} (all when empty); 409 while another rebuild runs. */
  public synchronized RebuildProgress start(List<String> names) {
    if (current != null && current.progress().running()) {
      throw new LedgerProblem(
          HttpStatus.CONFLICT,
          "A rebuild of " + current.names + " is running; wait until it has finished.");
    }
    List<RebuildableProjection> chosen = new ArrayList<>();
    for (String name : names.isEmpty() ? names() : names) {
      chosen.add(projection(name));
    }
    Run run = new Run(chosen);
    current = run;
    try {
      run.begin();
    } catch (RuntimeException e) {
      run.fail(e);
    }
    return run.progress();
  }

  private RebuildableProjection projection(String name) {
    RebuildableProjection projection = projections.get(name);
    if (projection == null) {
      throw LedgerProblem.notFound("No projection " + name + "; there are " + names() + ".");
    }
    return projection;
  }

  @Override
  public void destroy() {
    monitor.shutdownNow();
    Run run = current;
    if (run != null && run.processor != null) {
      run.processor.shutDown();
    }
  }

  /** One rebuild from start to swap. */
  private final class Run {
    final List<RebuildableProjection> chosen;
    final List<String> names;
    final Instant startedAt = Instant.now();
    volatile String state = "RUNNING";
    volatile String failure;
    volatile long done;
    volatile long total;
    volatile double rate;
    volatile Instant finishedAt;
    PooledStreamingEventProcessor processor;
    java.util.concurrent.ScheduledFuture<?> ticks;
    long lastLog;
    long windowStartNanos = System.nanoTime();
    long windowStartDone;
    boolean indexed;
    long lastDone = -1;
    long lastProgressNanos = System.nanoTime();

    Run(List<RebuildableProjection> chosen) {
      this.chosen = chosen;
      this.names = chosen.stream().map(RebuildableProjection::processor).toList();
    }

    void begin() {
      total = positions.head();
      for (RebuildableProjection projection : chosen) {
        projection.tables().forEach(shadows::create);
      }
      jdbc.update("delete from token_entry where processor_name = ?", REBUILD_PROCESSOR);
      // one invoker per projection, so each keeps the order its live processor has
      List<EventHandlerInvoker> invokers = new ArrayList<>();
      chosen.forEach(
          p ->
              invokers.add(
                  SimpleEventHandlerInvoker.builder()
                      .eventHandlers(p.writingInto(Tables.SHADOW))
                      .sequencingPolicy(p.sequencing())
                      .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                      .build()));
      int segments = Math.max(1, liveSegments());
      processor =
          PooledStreamingEventProcessor.builder()
              .name(REBUILD_PROCESSOR)
              .eventHandlerInvoker(new MultiEventHandlerInvoker(invokers))
              .errorHandler(
                  context -> {
                    fail(context.error());
                    throw asException(context.error());
                  })
              .messageSource(eventStore)
              .tokenStore(tokenStore)
              .transactionManager(axonTransactions)
              .coordinatorExecutor(
                  Executors.newSingleThreadScheduledExecutor(
                      r -> new Thread(r, "rebuild-coordinator")))
              .workerExecutor(
                  Executors.newScheduledThreadPool(segments, r -> new Thread(r, "rebuild-worker")))
              .initialSegmentCount(segments)
              .initialToken(source -> source.createTailToken())
              .batchSize(batchSize)
              .build();
      processor.start();
      log.info(
          "Rebuild of {} started: {} events to replay, {} segment(s), batches of {}",
          names,
          total,
          segments,
          batchSize);
      ticks = monitor.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private int liveSegments() {
      Integer most =
          jdbc.queryForObject(
              "select max(n) from (select count(*) as n from token_entry"
                  + " where processor_name in ("
                  + placeholders()
                  + ") group by processor_name) c",
              Integer.class,
              names.toArray());
      return most == null ? 1 : most;
    }

    private String placeholders() {
      return String.join(",", java.util.Collections.nCopies(names.size(), "?"));
    }

    void tick() {
      try {
        if (failure != null) {
          abort();
          return;
        }
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        for (EventTrackerStatus segment : status.values()) {
          if (segment.isErrorState()) {
            fail(segment.getError());
            abort();
            return;
          }
        }
        long head = positions.head();
        total = head;
        done = status.isEmpty() ? 0 : lowestPosition(status);
        measureRate();
        if (done != lastDone || done >= head) {
          lastDone = done;
          lastProgressNanos = System.nanoTime();
        } else if (System.nanoTime() - lastProgressNanos > STALL_NANOS) {
          throw new IllegalStateException(
              "no progress for "
                  + STALL_NANOS / 1_000_000_000
                  + " s at position "
                  + done
                  + " (see the log for the processor's errors)");
        }
        if (System.currentTimeMillis() - lastLog >= LOG_EVERY_MS) {
          lastLog = System.currentTimeMillis();
          RebuildProgress p = progress();
          log.info(
              "Rebuild of {}: {} of {} events, {} events/s, {} s left",
              names,
              p.eventsDone(),
              p.eventsTotal(),
              Math.round(p.eventsPerSecond()),
              p.secondsLeft());
        }
        if (!status.isEmpty() && done >= head) {
          if (!indexed) {
            // built once, with the bulk in place; the processor keeps up with new events meanwhile
            for (RebuildableProjection projection : chosen) {
              projection.tables().forEach(shadows::indexLike);
            }
            indexed = true;
            return;
          }
          swap();
        }
      } catch (RuntimeException e) {
        fail(e);
        abort();
      }
    }

    private long lowestPosition(Map<Integer, EventTrackerStatus> status) {
      long lowest = Long.MAX_VALUE;
      for (EventTrackerStatus segment : status.values()) {
        TrackingToken token = segment.getTrackingToken();
        TrackingToken plain = token == null ? null : WrappedToken.unwrapLowerBound(token);
        lowest = Math.min(lowest, plain == null ? 0 : plain.position().orElse(0));
      }
      return lowest;
    }

    private void measureRate() {
      long now = System.nanoTime();
      double seconds = (now - windowStartNanos) / 1e9;
      if (seconds >= 3) {
        rate = (done - windowStartDone) / seconds;
        windowStartNanos = now;
        windowStartDone = done;
      } else if (rate == 0 && seconds > 0.5) {
        rate = (done - windowStartDone) / seconds;
      }
    }

    private void swap() {
      state = "SWAPPING";
      processor.shutDown();
      List<StreamingEventProcessor> live =
          names.stream()
              .map(
                  name ->
                      processing
                          .eventProcessor(name, StreamingEventProcessor.class)
                          .orElseThrow(() -> new IllegalStateException("no processor " + name)))
              .toList();
      live.forEach(StreamingEventProcessor::shutDown);
      try {
        transaction.executeWithoutResult(
            tx -> {
              jdbc.execute("set local lock_timeout = '10s'");
              // Other instances' workers on these processors store their tokens in these rows:
              // locking them first waits for their batches in flight and stops new ones.
              jdbc.queryForList(
                  "select segment from token_entry where processor_name in ("
                      + placeholders()
                      + ") for update",
                  names.toArray());
              for (RebuildableProjection projection : chosen) {
                projection.tables().forEach(shadows::swapIn);
              }
              for (String name : names) {
                jdbc.update("delete from token_entry where processor_name = ?", name);
                jdbc.update(
                    "insert into token_entry (processor_name, segment, token, token_type,"
                        + " timestamp, owner) select ?, segment, token, token_type, timestamp,"
                        + " null from token_entry where processor_name = ?",
                    name,
                    REBUILD_PROCESSOR);
              }
              jdbc.update("delete from token_entry where processor_name = ?", REBUILD_PROCESSOR);
              // the swapped-in tables can sit under tokens equal to the old ones
              generation.raise();
            });
        state = "DONE";
        finish();
        log.info(
            "Rebuild of {} done: {} events in {} s; the rebuilt read model now answers",
            names,
            done,
            Duration.between(startedAt, finishedAt).toSeconds());
      } finally {
        live.forEach(StreamingEventProcessor::start);
      }
    }

    void fail(Throwable error) {
      if (failure == null) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
          root = root.getCause();
        }
        failure =
            error.getClass().getSimpleName()
                + ": "
                + error.getMessage()
                + (root != error ? " (cause: " + root.getMessage() + ")" : "");
        log.error("Rebuild of {} failed: {}", names, failure);
      }
      if (processor == null) {
        abort();
      }
    }

    private void abort() {
      if (state.equals("FAILED")) {
        return;
      }
      state = "FAILED";
      if (processor != null) {
        processor.shutDown();
      }
      try {
        for (RebuildableProjection projection : chosen) {
          projection.tables().forEach(shadows::drop);
        }
        jdbc.update("delete from token_entry where processor_name = ?", REBUILD_PROCESSOR);
      } catch (RuntimeException e) {
        log.warn("Could not clean up after the failed rebuild: {}", e.getMessage());
      }
      finish();
      log.error("Rebuild of {} abandoned; the live read model is unchanged", names);
    }

    private void finish() {
      finishedAt = Instant.now();
      if (ticks != null) {
        ticks.cancel(false);
      }
    }

    RebuildProgress progress() {
      long left = Math.max(0, total - done);
      Long secondsLeft = rate > 0 ? Math.round(left / rate) : null;
      Instant end = finishedAt;
      return new RebuildProgress(
          names,
          state,
          done,
          total,
          Math.round(rate * 10) / 10.0,
          state.equals("DONE") ? Long.valueOf(0) : secondsLeft,
          startedAt,
          end,
          end == null ? null : Duration.between(startedAt, end).toSeconds(),
          failure);
    }
  }

  private static Exception asException(Throwable error) {
    return error instanceof Exception e ? e : new RuntimeException(error);
  }
}
