package com.salesledger.query.dashboard;

import com.salesledger.events.common.Period;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.ScopeFilter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link SalesDashboard} over the roll-ups {@link SalesProjection} writes ({@code sales_month},
 * {@code customer_first_win}): one grouped scan per figure family.
 */
@Component
class JdbcSalesDashboard implements SalesDashboard {

  /** The grouping column of {@code sales_month} and of {@code customer_first_win}. */
  private record Columns(String sales, String firstWin) {}

  private static final Map<GroupBy, Columns> COLUMNS = new EnumMap<>(GroupBy.class);

  static {
    COLUMNS.put(GroupBy.REP, new Columns("rep", "rep"));
    COLUMNS.put(GroupBy.TEAM, new Columns("team", "team"));
    COLUMNS.put(GroupBy.REGION, new Columns("region", "region"));
    COLUMNS.put(GroupBy.PRODUCT_LINE, new Columns("product_line", "product_line"));
    COLUMNS.put(
        GroupBy.MONTH, new Columns("to_char(month, 'YYYY-MM')", "to_char(close_date, 'YYYY-MM')"));
  }

  private final JdbcTemplate jdbc;

  JdbcSalesDashboard(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Result compute(Period period, GroupBy groupBy, DataScope scope) {
    Map<String, SalesFigures.Sums> groups = new TreeMap<>();
    Function<String, SalesFigures.Sums> group =
        key -> groups.computeIfAbsent(key, k -> new SalesFigures.Sums());
    ScopeFilter filter = ScopeFilter.of(scope, "rep", "team");
    String scopeFilter = " and " + filter.sql();
    List<Object> args = args(period, filter);
    Columns columns = COLUMNS.get(groupBy);

    jdbc.query(
        "select "
            + columns.sales()
            + " as grp, sum(revenue), sum(cost), sum(deals_won), sum(deals_lost),"
            + " sum(cycle_days_won) from sales_month where month between ? and ?"
            + scopeFilter
            + " group by grp",
        rs -> {
          SalesFigures.Sums sums = group.apply(rs.getString(1));
          sums.revenue = rs.getBigDecimal(2);
          sums.cost = rs.getBigDecimal(3);
          sums.won = rs.getLong(4);
          sums.lost = rs.getLong(5);
          sums.cycleDays = rs.getLong(6);
        },
        args.toArray());

    jdbc.query(
        "select "
            + columns.firstWin()
            + " as grp, count(*) from customer_first_win where close_date between ? and ?"
            + scopeFilter
            + " group by grp",
        rs -> {
          group.apply(rs.getString(1)).newCustomers = rs.getLong(2);
        },
        args.toArray());

    String priorKey =
        groupBy == GroupBy.MONTH
            ? "to_char((month + interval '1 year')::date, 'YYYY-MM')"
            : columns.sales();
    jdbc.query(
        "select "
            + priorKey
            + " as grp, sum(revenue) from sales_month where month between ? and ?"
            + scopeFilter
            + " group by grp",
        rs -> {
          group.apply(rs.getString(1)).priorRevenue = rs.getBigDecimal(2);
        },
        args(period.previousYear(), filter).toArray());

    List<SalesFigures> rows = new ArrayList<>();
    SalesFigures.Sums total = new SalesFigures.Sums();
    groups.forEach(
        (key, sums) -> {
          rows.add(sums.figures(key));
          total.add(sums);
        });
    return new Result(rows, total.figures("total"));
  }

  private static List<Object> args(Period period, ScopeFilter filter) {
    List<Object> args = new ArrayList<>();
    args.add(period.start());
    args.add(period.end());
    args.addAll(filter.args());
    return args;
  }
}
