package com.salesledger.query.target;

import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.platform.security.DataScope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The target read model behind {@code GET /api/targets}. */
public interface TargetViews {

  /**
   * Which targets: each criterion null for any; {@code effectiveOn} null for each one's default.
   */
  record Selection(
      ScopeLevel level,
      String scopeId,
      String period,
      TargetMetric metric,
      LocalDate effectiveOn,
      Instant asOf,
      LocalDate today) {}

  /** At most {@link #LIMIT} targets, in id order, of those the scope covers. */
  List<TargetView> list(Selection selection, DataScope scope);

  Optional<TargetView> find(String targetId, Selection selection, DataScope scope);

  int LIMIT = 1000;
}
