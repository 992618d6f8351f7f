package com.salesledger.query.common.projection;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shadow twin of a read-model table: same columns, defaults and keys, filled by a rebuild, then
 * swapped in under the live table's name with the live table's index and constraint names (so later
 * migrations may name them). Secondary indexes are built after the bulk load, which is faster than
 * maintaining them row by row. Table names come from code, never from requests.
 */
final class ShadowTables {

  private final JdbcTemplate jdbc;

  ShadowTables(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static String shadow(String table) {
    return Tables.SHADOW.of(table);
  }

  /** Drops any leftover shadow, then creates an empty one with the live table's keys. */
  void create(String table) {
    drop(table);
    jdbc.execute(
        "create table " + shadow(table) + " (like " + table + " including all excluding indexes)");
    for (Map<String, Object> key :
        jdbc.queryForList(
            "select conname, pg_get_constraintdef(oid) as def from pg_constraint"
                + " where conrelid = ?::regclass and contype in ('p', 'u')",
            table)) {
      jdbc.execute(
          "alter table "
              + shadow(table)
              + " add constraint "
              + shadow((String) key.get("conname"))
              + " "
              + key.get("def"));
    }
  }

  /** Builds the live table's other indexes on the shadow (done once, after the bulk load). */
  void indexLike(String table) {
    for (Map<String, Object> index : secondaryIndexes(table)) {
      String name = (String) index.get("name");
      String definition = (String) index.get("def");
      int using = definition.indexOf(" USING ");
      String unique = definition.startsWith("CREATE UNIQUE") ? "unique " : "";
      jdbc.execute(
          "create "
              + unique
              + "index "
              + shadow(name)
              + " on "
              + shadow(table)
              + definition.substring(using));
    }
  }

  void drop(String table) {
    jdbc.execute("drop table if exists " + shadow(table));
  }

  /**
   * Within the caller's transaction: the shadow takes the live table's place and the names of its
   * keys and indexes. Readers wait for the lock for a moment and then read the new table.
   */
  void swapIn(String table) {
    List<String> keys =
        jdbc.queryForList(
            "select conname from pg_constraint where conrelid = ?::regclass"
                + " and contype in ('p', 'u')",
            String.class,
            table);
    List<String> indexes =
        secondaryIndexes(table).stream().map(i -> (String) i.get("name")).toList();
    jdbc.execute("drop table " + table);
    jdbc.execute("alter table " + shadow(table) + " rename to " + table);
    for (String key : keys) {
      jdbc.execute("alter table " + table + " rename constraint " + shadow(key) + " to " + key);
    }
    for (String index : indexes) {
      jdbc.execute("alter index " + shadow(index) + " rename to " + index);
    }
  }

  private List<Map<String, Object>> secondaryIndexes(String table) {
    return jdbc.queryForList(
        "select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x"
            + " join pg_class i on i.oid = x.indexrelid where x.indrelid = ?::regclass"
            + " and not exists (select 1 from pg_constraint c where c.conindid = i.oid)"
            + " order by i.relname",
        table);
  }
}
