package com.salesledger.query.dashboard;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the dashboard groups its figures. */
enum GroupBy {
  REP("rep"),
  TEAM("team"),
  REGION("region"),
  PRODUCT_LINE("productLine"),
  MONTH("month");

  final String parameter;

  GroupBy(String parameter) {
    this.parameter = parameter;
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
