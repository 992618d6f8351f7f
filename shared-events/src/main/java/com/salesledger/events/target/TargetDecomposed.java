package com.salesledger.events.target;

import com.salesledger.events.common.Period;
import java.math.BigDecimal;
import java.util.List;

/**
 * The target was split into {@code children} (with their target ids), which add up to {@code
 * amount}, the target's latest amount when decomposed. A later decomposition lists every earlier
 * child again.
 */
public record TargetDecomposed(
    String targetId,
    BigDecimal amount,
    List<DecomposedChild> children,
    String decomposedBy,
    String reason)
    implements TargetEvents {

  public TargetDecomposed {
    children = List.copyOf(children);
  }

  /** A child as decomposed: its id, scope, period and amount. */
  public record DecomposedChild(
      String targetId, TargetScope scope, Period period, BigDecimal amount) {}
}
