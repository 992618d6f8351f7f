package com.salesledger.query.common.projection;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects a projection's writes for the whole batch a processor handles in one unit of work, and
 * writes them once, just before that unit of work commits: in the same transaction as the
 * processor's token, so each event still counts exactly once.
 */
public final class BatchScope {

  private BatchScope() {}

  /**
   * The batch buffer {@code owner} keeps in the current unit of work, made by {@code create} on
   * first use; {@code flush} writes it before commit.
   */
  public static <T> T current(Object owner, Supplier<T> create, Consumer<T> flush) {
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    String key = "batch:" + owner.getClass().getName() + "@" + System.identityHashCode(owner);
    return root.getOrComputeResource(
        key,
        k -> {
          T buffer = create.get();
          root.onPrepareCommit(u -> flush.accept(buffer));
          return buffer;
        });
  }
}
