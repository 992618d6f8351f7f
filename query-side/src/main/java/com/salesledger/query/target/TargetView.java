package com.salesledger.query.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A target as the ledger knew it at {@code asOf}: the amount in force on {@code effectiveOn}, every
 * applied revision, the revisions still waiting then, and whether its last decomposition still adds
 * up to its amount.
 */
public record TargetView(
    String targetId,
    Scope scope,
    String period,
    String metric,
    String currency,
    String parentId,
    LocalDate effectiveOn,
    Instant asOf,
    BigDecimal amount,
    List<Revision> revisions,
    List<PendingRevision> pendingRevisions,
    Decomposition decomposition,
    boolean outOfBalance) {

  public record Scope(String level, String id) {}

  /** An applied revision; {@code recordedAt} is when it took effect in the ledger. */
  public record Revision(
      String revisionId,
      String kind,
      BigDecimal amount,
      LocalDate effectiveFrom,
      Instant recordedAt,
      String by,
      String approvedBy,
      String reason) {}

  public record PendingRevision(
      String revisionId,
      BigDecimal amount,
      LocalDate effectiveFrom,
      String requestedBy,
      Instant requestedAt,
      String reason) {}

  /** The last decomposition known: the amount its children added up to and the children. */
  public record Decomposition(
      BigDecimal amount, List<Child> children, Instant recordedAt, String by, String reason) {}

  public record Child(String targetId, BigDecimal amount) {}
}
