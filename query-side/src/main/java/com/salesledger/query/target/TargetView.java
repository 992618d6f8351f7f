package com.salesledger.query.target;

import com.salesledger.events.target.ScopeLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A target as it applied on {@code effectiveOn}, as the ledger knew it at {@code asOf}: the amount
 * in force, every revision recorded by then (with its status then), those still waiting, and
 * whether the children of its decomposition still add up to its latest amount.
 */
public record TargetView(
    String targetId,
    Scope scope,
    String period,
    String metric,
    String currency,
    LocalDate effectiveOn,
    Instant asOf,
    BigDecimal amount,
    BigDecimal latestAmount,
    String parentId,
    List<String> children,
    BigDecimal childrenTotal,
    boolean outOfBalance,
    List<Revision> revisions,
    List<Revision> pendingRevisions) {

  public record Scope(ScopeLevel level, String id) {}

  /**
   * One step of the target's history. {@code kind}: SET, DECOMPOSITION (an amount given by a
   * parent's decomposition) or REVISION; {@code status} as of the question's instant: APPLIED,
   * PENDING or REJECTED. {@code effectiveFrom} null: from the period's start.
   */
  public record Revision(
      String revisionId,
      String kind,
      BigDecimal amount,
      LocalDate effectiveFrom,
      Instant recordedAt,
      String by,
      String reason,
      String status,
      Instant inForceFrom,
      String approvedBy,
      String rejectedBy,
      Instant decidedAt,
      String decisionReason) {}
}
