package com.salesledger.platform.web;

/** The header that carries a global event position, on command answers and query answers. */
public final class PositionHeader {

  public static final String POSITION = "X-Ledger-Position";
  public static final String MIN_POSITION = "X-Ledger-Min-Position";

  private PositionHeader() {}
}
