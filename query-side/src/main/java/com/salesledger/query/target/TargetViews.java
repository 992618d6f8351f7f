package com.salesledger.query.target;

import com.salesledger.events.common.Period;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.platform.security.DataScope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The targets read model, bitemporal, always within a data scope. */
public interface TargetViews {

  /**
   * What to list; null fields do not filter. {@code effectiveOn} null: per target, today within its
   * period (a past period's last day, a future period's first).
   */
  record Query(
      ScopeLevel level,
      String scopeId,
      Period period,
      TargetMetric metric,
      LocalDate effectiveOn,
      Instant asOf,
      LocalDate today) {}

  /** At most this many targets per answer (ordered by id). */
  int LIMIT = 1000;

  List<TargetView> list(Query query, DataScope scope);

  Optional<TargetView> find(String targetId, Query query, DataScope scope);
}
