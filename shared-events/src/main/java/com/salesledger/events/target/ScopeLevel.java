package com.salesledger.events.target;

/** The organisational level a target is set for, from the whole company down to one rep. */
public enum ScopeLevel {
  COMPANY,
  REGION,
  TEAM,
  REP
}
