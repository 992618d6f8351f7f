package com.salesledger.command.common;

import com.salesledger.platform.web.LedgerProblem;
import java.util.regex.Pattern;

/** Ids travel in URLs and audit exports, so they are kept to a safe, bounded alphabet. */
public final class Ids {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private Ids() {}

  public static String require(String field, String id) {
    if (id == null || !SAFE.matcher(id).matches()) {
      throw LedgerProblem.invalid(
          field,
          "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
    }
    return id;
  }
}
