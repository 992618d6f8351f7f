package com.salesledger.query.dashboard;

import com.salesledger.events.common.Period;
import com.salesledger.platform.security.DataScope;
import java.util.List;

/** The sales figures read model, as the dashboard sees it: only deals within the scope count. */
interface SalesDashboard {

  record Result(List<SalesFigures> groups, SalesFigures total) {}

  Result compute(Period period, GroupBy groupBy, DataScope scope);
}
