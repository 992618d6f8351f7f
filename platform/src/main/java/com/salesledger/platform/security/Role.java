package com.salesledger.platform.security;

/** The roles of API.md: the one type every rule about who may do what is written in. */
public enum Role {
  REP,
  MANAGER,
  FINANCE,
  AUDITOR,
  ADMIN
}
