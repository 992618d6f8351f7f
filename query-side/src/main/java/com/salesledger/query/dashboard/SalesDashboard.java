package com.salesledger.query.dashboard;

import com.salesledger.events.common.Period;
import com.salesledger.platform.security.DataScope;
import java.time.Instant;
import java.util.List;

/** The sales figures read model, as the dashboard sees it: only deals within the scope count. */
interface SalesDashboard {

  record Result(List<SalesFigures> groups, SalesFigures total) {}

  /** The figures as they stand now. */
  default Result compute(Period period, GroupBy groupBy, DataScope scope) {
    return compute(period, groupBy, scope, null);
  }

  /**
   * The figures as the ledger knew them at {@code asOf} (facts recorded after it do not count,
   * whatever their business date), or as they stand now when {@code asOf} is null.
   */
  Result compute(Period period, GroupBy groupBy, DataScope scope, Instant asOf);
}
