package com.salesledger.command.target;

import java.math.BigDecimal;

/**
 * How far a revision may move a target before a second person must approve it: a share of the
 * amount in force on the revision's effective day ({@code ledger.targets.approval-threshold}).
 */
public record TargetPolicy(BigDecimal approvalThreshold) {

  /** Whether going from {@code current} to {@code revised} needs approval (from 0: any change). */
  public boolean needsApproval(BigDecimal current, BigDecimal revised) {
    BigDecimal change = revised.subtract(current).abs();
    if (current.signum() == 0) {
      return change.signum() != 0;
    }
    return change.compareTo(current.abs().multiply(approvalThreshold)) > 0;
  }
}
