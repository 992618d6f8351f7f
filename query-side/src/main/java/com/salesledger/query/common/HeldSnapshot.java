package com.salesledger.query.common;

/**
 * The SQL by which a read model held in memory, exactly as one database snapshot saw it, is brought
 * up to a later reader's snapshot. Every row of such a table names the transaction that last wrote
 * it ({@code changed_by xid8}); a row that one snapshot does not see but a later one does was
 * written by a transaction at or after the earlier snapshot's {@code xmin}, the oldest transaction
 * still running when it was taken. A reader takes those rows in the statement that also reads its
 * own snapshot, the read-model generation and the table's file, so it can tell whether the held
 * rows are still the table's (no rebuild swap, retry or TRUNCATE since) and whether its snapshot
 * sees everything the held one saw (a reader cannot go back to an older snapshot).
 */
public final class HeldSnapshot {

  private HeldSnapshot() {}

  /**
   * Whether the statement's snapshot {@code s.snap} sees everything the held snapshot saw: nothing
   * the held one saw may be running in this one, and this one must not end before it. Takes the
   * held snapshot's text three times.
   */
  public static final String INCLUDES_HELD =
      "pg_snapshot_xmax(?::pg_snapshot) <= pg_snapshot_xmax(s.snap) and not exists (select 1"
          + " from pg_snapshot_xip(s.snap) x where x < pg_snapshot_xmax(?::pg_snapshot)"
          + " and pg_visible_in_snapshot(x, ?::pg_snapshot))";

  /**
   * The rows of a table (aliased {@code alias}) written at or after the held snapshot's oldest
   * running transaction. Takes the held snapshot's text once.
   */
  public static String changedSince(String alias) {
    return alias + ".changed_by >= pg_snapshot_xmin(?::pg_snapshot)";
  }

  /**
   * The first columns of such a statement, from a subquery {@code c}: the snapshot as text, the
   * read-model generation and {@code table}'s file node, then {@code more}, each of which may use
   * the statement's snapshot as {@code s.snap}.
   */
  public static String statementColumns(String table, String more) {
    return "(select s.snap::text as snap, "
        + ReadModelGeneration.CURRENT
        + " as generation, pg_relation_filenode('"
        + table
        + "')::bigint as tab, "
        + more
        + " from (select pg_current_snapshot() as snap) s) c";
  }

  /**
   * The first three columns of such a statement: its snapshot, the generation, the table's file.
   */
  public record Identity(String snapshot, long generation, long table) {
    public static Identity of(java.sql.ResultSet rs) throws java.sql.SQLException {
      return new Identity(rs.getString(1), rs.getLong(2), rs.getLong(3));
    }

    /**
     * Whether {@code other} read the same table as this: no rebuild swap, retry or TRUNCATE between
     * them (the snapshots may differ).
     */
    public boolean sameTable(Identity other) {
      return generation == other.generation && table == other.table;
    }
  }

  /**
   * One string per name read in a statement ({@code names} holds those seen): a rep's or team's
   * name is not held once per row.
   */
  public static String shared(java.util.Map<String, String> names, String name) {
    return name == null ? null : names.computeIfAbsent(name, n -> n);
  }
}
