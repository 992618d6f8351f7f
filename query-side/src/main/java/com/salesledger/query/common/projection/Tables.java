package com.salesledger.query.common.projection;

/**
 * Which set of a read model's tables a projection writes: the live ones, or the shadow ones a
 * rebuild fills beside them (same names plus {@link #SHADOW_SUFFIX}).
 */
public record Tables(String suffix) {

  public static final String SHADOW_SUFFIX = "__rebuild";
  public static final Tables LIVE = new Tables("");
  public static final Tables SHADOW = new Tables(SHADOW_SUFFIX);

  public String of(String table) {
    return table + suffix;
  }
}
