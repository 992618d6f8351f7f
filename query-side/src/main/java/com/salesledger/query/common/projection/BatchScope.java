package com.salesledger.query.common.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects a projection's writes for the whole batch a processor handles in one unit of work, and
 * writes them once, just before that unit of work commits: in the same transaction as the
 * processor's token, so each event still counts exactly once.
 *
 * <p>A batch whose writes fail (a value no column holds, say) cannot tell which event caused it,
 * and the dead-letter queue only catches failures of a handler call. So a projection whose batch
 * rolled back is <em>isolating</em> until a batch of it commits again: each event's writes are then
 * made right after its handler, inside that handler's savepoint ({@link #flushEvent()}), and the
 * one event that fails is parked while the rest of the batch goes on.
 */
public final class BatchScope {

  private static final Set<Object> ISOLATING = ConcurrentHashMap.newKeySet();
  private static final ThreadLocal<Boolean> ISOLATING_THIS_THREAD =
      ThreadLocal.withInitial(() -> Boolean.FALSE);
  private static final ThreadLocal<Map<String, PendingWrite<?>>> EVENT_WRITES =
      ThreadLocal.withInitial(LinkedHashMap::new);

  private record PendingWrite<T>(T buffer, Consumer<T> flush) {
    void write() {
      flush.accept(buffer);
    }
  }

  private BatchScope() {}

  /**
   * The batch buffer {@code owner} keeps in the current unit of work, made by {@code create} on
   * first use; {@code flush} writes it before commit (or right after the event's handler while the
   * owner is isolating).
   */
  @SuppressWarnings("unchecked")
  public static <T> T current(Object owner, Supplier<T> create, Consumer<T> flush) {
    String key = "batch:" + owner.getClass().getName() + "@" + System.identityHashCode(owner);
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    watch(owner, root);
    if (isolating(owner)) {
      // Normally the handler's savepoint writes these at once; whatever is left goes at commit.
      root.getOrComputeResource(
          "batch:isolated-leftovers",
          k -> {
            root.onPrepareCommit(u -> flushEvent());
            root.onCleanup(u -> discardEvent());
            return Boolean.TRUE;
          });
      return (T)
          EVENT_WRITES
              .get()
              .computeIfAbsent(key, k -> new PendingWrite<>(create.get(), flush))
              .buffer();
    }
    return root.getOrComputeResource(
        key,
        k -> {
          T buffer = create.get();
          root.onPrepareCommit(u -> flush.accept(buffer));
          return buffer;
        });
  }

  /**
   * Marks {@code owner} isolating when this unit of work rolls back, and back to batching when a
   * unit of work that ran isolated commits. Registered once per unit of work and owner.
   */
  public static void watch(Object owner, UnitOfWork<?> root) {
    String key = "batch-watch:" + System.identityHashCode(owner);
    boolean isolated = isolating(owner);
    root.getOrComputeResource(
        key,
        k -> {
          root.onRollback(u -> ISOLATING.add(owner));
          if (isolated) {
            root.afterCommit(u -> ISOLATING.remove(owner));
          }
          return Boolean.TRUE;
        });
  }

  /** Whether {@code owner}'s events are written one by one, each in its handler's savepoint. */
  public static boolean isolating(Object owner) {
    return ISOLATING_THIS_THREAD.get() || ISOLATING.contains(owner);
  }

  /**
   * Runs {@code work} (e.g. a retry of dead letters) with every projection isolating on this
   * thread, so a letter that still fails is caught in its handler's savepoint and stays parked.
   */
  public static <T> T isolated(Supplier<T> work) {
    boolean before = ISOLATING_THIS_THREAD.get();
    ISOLATING_THIS_THREAD.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      ISOLATING_THIS_THREAD.set(before);
    }
  }

  /** Writes what the event just handled left pending (isolating owners only). */
  public static void flushEvent() {
    Map<String, PendingWrite<?>> writes = EVENT_WRITES.get();
    try {
      for (PendingWrite<?> write : writes.values()) {
        write.write();
      }
    } finally {
      writes.clear();
    }
  }

  /** Drops what a failed handler left pending. */
  public static void discardEvent() {
    EVENT_WRITES.get().clear();
  }
}
