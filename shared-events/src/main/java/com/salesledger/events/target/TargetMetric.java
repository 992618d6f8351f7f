package com.salesledger.events.target;

/** What a target measures. GROSS_MARGIN is an amount; NEW_CUSTOMERS a count; the others money. */
public enum TargetMetric {
  REVENUE,
  GROSS_MARGIN,
  NEW_CUSTOMERS,
  COLLECTIONS
}
