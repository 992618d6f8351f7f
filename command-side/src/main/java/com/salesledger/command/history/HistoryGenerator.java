package com.salesledger.command.history;

import com.salesledger.command.organisation.OrganisationTimeline;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.deal.DealLost;
import com.salesledger.events.deal.DealOpened;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.DealWon;
import com.salesledger.events.organisation.OrganisationEvents;
import com.salesledger.events.receivable.CreditNoteIssued;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.InvoiceWrittenOff;
import com.salesledger.events.receivable.PaymentReceived;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

/**
 * Generates a sales history and writes it straight into the event store: the organisation and the
 * year targets ({@link TargetPlan}) first, then chunks of deals are sent as commands through the
 * real aggregates ({@link AggregateSandbox}), and the events they accept are copied into the event
 * table ({@link EventCopier}). Chunks run on several threads; each chunk's events are ordered by
 * business date (keeping every aggregate's own order) so deals interleave in the stream as they
 * would in a real history.
 */
public final class HistoryGenerator {

  /** What a generation wrote. */
  public record Result(long events, long commandsRefused, int deals, long millis) {
    public double eventsPerSecond() {
      return millis == 0 ? events : events * 1000.0 / millis;
    }
  }

  /** Told after every chunk: deals done so far, of how many, and events written. */
  public interface Progress {
    void update(int dealsDone, int dealsTotal, long events);
  }

  public static final String LOADER_USER = "history-generator";
  private static final int CHUNK_DEALS = 500;

  private final ChunkWriter.Factory writers;
  private final Clock clock;
  private final int paymentTermsDays;
  private final Recording recording;

  /** Writes into the JDBC event table with {@code COPY}. */
  public HistoryGenerator(
      DataSource dataSource, Serializer serializer, Clock clock, int paymentTermsDays) {
    this(dataSource, serializer, clock, paymentTermsDays, Recording.WHEN_WRITTEN);
  }

  /** Writes into the JDBC event table with {@code COPY}, stamped as {@code recording} says. */
  public HistoryGenerator(
      DataSource dataSource,
      Serializer serializer,
      Clock clock,
      int paymentTermsDays,
      Recording recording) {
    this(ChunkWriter.copyInto(dataSource, serializer), clock, paymentTermsDays, recording);
  }

  /** Appends through the event store, for stores without an event table (Axon Server). */
  public HistoryGenerator(EventStore eventStore, Clock clock, int paymentTermsDays) {
    this(ChunkWriter.publishTo(eventStore), clock, paymentTermsDays, Recording.WHEN_WRITTEN);
  }

  private HistoryGenerator(
      ChunkWriter.Factory writers, Clock clock, int paymentTermsDays, Recording recording) {
    this.writers = writers;
    this.clock = clock;
    this.paymentTermsDays = paymentTermsDays;
    this.recording = recording;
  }

  public Result generate(HistoryShape shape, int threads, String reason, Progress progress)
      throws InterruptedException {
    long started = System.nanoTime();
    SalesHistory history = new SalesHistory(shape, LocalDate.now(clock));
    MetaData metaData =
        MetaData.from(
            Map.of(
                LedgerMetaData.USER,
                LOADER_USER,
                LedgerMetaData.ROLES,
                "ADMIN",
                LedgerMetaData.CORRELATION_ID,
                "history-" + UUID.randomUUID(),
                LedgerMetaData.REASON,
                reason));
    // The organisation first, in one chunk of its own: every deal is placed by it.
    LocalDate frameDate = history.organisationEffectiveFrom();
    List<DomainEventMessage<?>> organisationChunk =
        writeAlone(
            metaData,
            new OrganisationTimeline(),
            history.organisation(),
            "organisation",
            frameDate);
    OrganisationTimeline organisation = organisationOf(organisationChunk);
    // Then the targets, set and decomposed down to the reps by the organisation just written.
    List<DomainEventMessage<?>> targetChunk =
        writeAlone(
            metaData,
            organisation,
            new TargetPlan(shape, LocalDate.now(clock)).commands(organisation),
            "target",
            frameDate);
    AtomicInteger nextChunk = new AtomicInteger();
    AtomicInteger dealsDone = new AtomicInteger();
    AtomicLong events = new AtomicLong(organisationChunk.size() + targetChunk.size());
    AtomicLong refused = new AtomicLong();
    // Chunks are whole customers (about CHUNK_DEALS deals), so a credit account's stream is
    // written by one chunk only.
    int customersPerChunk =
        (int) Math.max(1, (long) CHUNK_DEALS * shape.customers() / shape.deals());
    int chunks = (shape.customers() + customersPerChunk - 1) / customersPerChunk;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  try (AggregateSandbox sandbox =
                          new AggregateSandbox(clock, metaData, paymentTermsDays, organisation);
                      ChunkWriter writer = writers.open()) {
                    for (int c = nextChunk.getAndIncrement();
                        c < chunks;
                        c = nextChunk.getAndIncrement()) {
                      int from = history.firstDealOf(c * customersPerChunk + 1);
                      int to =
                          Math.min(
                              shape.deals(),
                              history.firstDealOf((c + 1) * customersPerChunk + 1) - 1);
                      history.commands(from, to, sandbox::send);
                      List<DomainEventMessage<?>> chunk =
                          inBusinessOrder(sandbox.drain()).stamped(recording, clock);
                      writer.write(chunk);
                      long total = events.addAndGet(chunk.size());
                      progress.update(dealsDone.addAndGet(to - from + 1), shape.deals(), total);
                    }
                    refused.addAndGet(sandbox.refused());
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw new IllegalStateException(
            "writing generated events failed: " + sql.getMessage(), sql);
      }
      throw new IllegalStateException("generating history failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
    return new Result(
        events.get(), refused.get(), shape.deals(), (System.nanoTime() - started) / 1_000_000);
  }

  /** The organisation that {@code events}, all of them organisation events, set up. */
  static OrganisationTimeline organisationOf(List<DomainEventMessage<?>> events) {
    return OrganisationTimeline.of(
        events.stream().map(e -> (OrganisationEvents) e.getPayload()).toList());
  }

  /**
   * Sends {@code commands} through the aggregates, placed in {@code organisation}, and writes the
   * events they produced as one chunk of their own, recorded on {@code date} if {@link #recording}
   * backdates. None may be refused: these commands are the frame every generated deal relies on.
   */
  private List<DomainEventMessage<?>> writeAlone(
      MetaData metaData,
      OrganisationTimeline organisation,
      List<Object> commands,
      String what,
      LocalDate date) {
    try (AggregateSandbox sandbox =
            new AggregateSandbox(clock, metaData, paymentTermsDays, organisation);
        ChunkWriter writer = writers.open()) {
      commands.forEach(sandbox::send);
      if (sandbox.refused() > 0) {
        throw new IllegalStateException(
            sandbox.refused() + " generated " + what + " commands were refused");
      }
      List<DomainEventMessage<?>> produced = sandbox.drain();
      List<DomainEventMessage<?>> chunk =
          recording.stamp(produced, Collections.nCopies(produced.size(), date), clock);
      writer.write(chunk);
      return chunk;
    } catch (SQLException e) {
      throw new IllegalStateException("writing the " + what + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Stable order by business date, where an event without a date of its own (a stage change, an
   * invoiced total, a credit account's record) takes the date of the event produced before it, but
   * never one before its aggregate's previous date: every aggregate keeps its sequence order.
   */
  static InBusinessOrder inBusinessOrder(List<DomainEventMessage<?>> events) {
    Map<String, LocalDate> lastDate = new HashMap<>();
    record Keyed(LocalDate date, int index, DomainEventMessage<?> event) {}
    LocalDate producedBefore = LocalDate.MIN;
    List<Keyed> keyed = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      DomainEventMessage<?> event = events.get(i);
      LocalDate previous = lastDate.getOrDefault(event.getAggregateIdentifier(), LocalDate.MIN);
      LocalDate own = businessDate(event.getPayload());
      LocalDate candidate = own == null ? producedBefore : own;
      LocalDate date = candidate.isBefore(previous) ? previous : candidate;
      producedBefore = date;
      lastDate.put(event.getAggregateIdentifier(), date);
      keyed.add(new Keyed(date, i, event));
    }
    keyed.sort(Comparator.comparing(Keyed::date).thenComparingInt(Keyed::index));
    return new InBusinessOrder(
        keyed.stream().<DomainEventMessage<?>>map(Keyed::event).toList(),
        keyed.stream().map(Keyed::date).toList());
  }

  /** A chunk's events in business order, each with the business date it was ordered by. */
  record InBusinessOrder(List<DomainEventMessage<?>> events, List<LocalDate> dates) {
    List<DomainEventMessage<?>> stamped(Recording recording, Clock clock) {
      return recording.stamp(events, dates, clock);
    }
  }

  private static LocalDate businessDate(Object payload) {
    if (payload instanceof DealOpened e) {
      return e.openedOn();
    } else if (payload instanceof DealWon e) {
      return e.closeDate();
    } else if (payload instanceof DealPutOnCreditHold e) {
      return e.closeDate();
    } else if (payload instanceof DealLost e) {
      return e.closeDate();
    } else if (payload instanceof InvoiceIssued e) {
      return e.issueDate();
    } else if (payload instanceof PaymentReceived e) {
      return e.receivedOn();
    } else if (payload instanceof CreditNoteIssued e) {
      return e.issuedOn();
    } else if (payload instanceof InvoiceWrittenOff e) {
      return e.writtenOffOn();
    }
    return null;
  }
}
