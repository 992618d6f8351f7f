package com.salesledger.platform.security;

/** The roles of API.md. */
public enum Role {
  REP,
  MANAGER,
  FINANCE,
  AUDITOR,
  ADMIN
}
