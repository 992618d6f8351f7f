package com.salesledger.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Every event processor of both apps, read from Axon's token table: the query side's projections
 * report their lag through its admin API, but the command side's own processors (the credit
 * early-warning trigger) do not, and one that is still catching up takes CPU from every figure
 * measured meanwhile.
 */
final class Processors {

  /** A token's positions: a replay token holds two, and its lower one is where it stands. */
  private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

  private Processors() {}

  /**
   * The processors (name to lowest position over their segments) that stand behind the last stored
   * event; empty when every one has caught up.
   */
  static Map<String, Long> behind(DataSource dataSource) throws SQLException {
    Map<String, Long> lowest = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      long head;
      try (ResultSet r =
          s.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
        r.next();
        head = r.getLong(1);
      }
      try (ResultSet r =
          s.executeQuery(
              "select processor_name, convert_from(token, 'UTF8') from token_entry"
                  + " where token is not null")) {
        while (r.next()) {
          long position = lowestIndex(r.getString(2));
          lowest.merge(r.getString(1), position, Math::min);
        }
      }
      lowest.values().removeIf(position -> position >= head);
    }
    return lowest;
  }

  static long lowestIndex(String token) {
    long lowest = Long.MAX_VALUE;
    Matcher m = INDEX.matcher(token);
    while (m.find()) {
      lowest = Math.min(lowest, Long.parseLong(m.group(1)));
    }
    return lowest == Long.MAX_VALUE ? -1 : lowest;
  }
}
