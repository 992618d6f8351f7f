package com.salesledger.query.dashboard;

import com.salesledger.events.common.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Computes the dashboard from the roll-ups: one grouped scan per figure family. */
@Component
class SalesDashboard {

  record Result(List<SalesFigures> groups, SalesFigures total) {}

  private final JdbcTemplate jdbc;

  SalesDashboard(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param onlyRep when not null, only that rep's deals count (a rep looking at their numbers)
   */
  Result compute(Period period, GroupBy groupBy, String onlyRep) {
    Map<String, SalesFigures.Sums> groups = new TreeMap<>();
    Function<String, SalesFigures.Sums> group =
        key -> groups.computeIfAbsent(key, k -> new SalesFigures.Sums());
    String repFilter = onlyRep == null ? "" : " and rep = ?";
    List<Object> args = args(period, onlyRep);

    jdbc.query(
        "select "
            + groupBy.salesColumn
            + " as grp, sum(revenue), sum(cost), sum(deals_won), sum(deals_lost),"
            + " sum(cycle_days_won) from sales_month where month between ? and ?"
            + repFilter
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
            + groupBy.firstWinColumn
            + " as grp, count(*) from customer_first_win where close_date between ? and ?"
            + repFilter
            + " group by grp",
        rs -> {
          group.apply(rs.getString(1)).newCustomers = rs.getLong(2);
        },
        args.toArray());

    String priorKey =
        groupBy == GroupBy.MONTH
            ? "to_char((month + interval '1 year')::date, 'YYYY-MM')"
            : groupBy.salesColumn;
    jdbc.query(
        "select "
            + priorKey
            + " as grp, sum(revenue) from sales_month where month between ? and ?"
            + repFilter
            + " group by grp",
        rs -> {
          group.apply(rs.getString(1)).priorRevenue = rs.getBigDecimal(2);
        },
        args(period.previousYear(), onlyRep).toArray());

    List<SalesFigures> rows = new ArrayList<>();
    SalesFigures.Sums total = new SalesFigures.Sums();
    groups.forEach(
        (key, sums) -> {
          rows.add(sums.figures(key));
          total.add(sums);
        });
    return new Result(rows, total.figures("total"));
  }

  private static List<Object> args(Period period, String onlyRep) {
    List<Object> args = new ArrayList<>();
    args.add(period.start());
    args.add(period.end());
    if (onlyRep != null) {
      args.add(onlyRep);
    }
    return args;
  }
}
