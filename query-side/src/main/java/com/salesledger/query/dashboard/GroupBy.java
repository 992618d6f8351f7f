package com.salesledger.query.dashboard;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the dashboard groups: each maps to a column of the roll-up tables. */
enum GroupBy {
  REP("rep", "rep", "rep"),
  TEAM("team", "team", "team"),
  REGION("region", "region", "region"),
  PRODUCT_LINE("productLine", "product_line", "product_line"),
  MONTH("month", "to_char(month, 'YYYY-MM')", "to_char(close_date, 'YYYY-MM')");

  final String parameter;
  final String salesColumn;
  final String firstWinColumn;

  GroupBy(String parameter, String salesColumn, String firstWinColumn) {
    this.parameter = parameter;
    this.salesColumn = salesColumn;
    this.firstWinColumn = firstWinColumn;
  }

  static GroupBy parse(String value) {
    return Arrays.stream(values())
        .filter(g -> g.parameter.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "must be one of "
                        + Arrays.stream(values())
                            .map(g -> g.parameter)
                            .collect(Collectors.joining(", "))));
  }
}
