package com.salesledger.query.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a migration that adds derived columns and fills them in for a ledger upgraded in place: on
 * tables the projection has written, the columns are dropped, the migration is run again, and every
 * row must come back exactly as the projection wrote it. All in one transaction that is rolled back
 * (PostgreSQL's DDL is transactional), so the shared schema is left as it was.
 */
public final class MigrationBackfill {

  private MigrationBackfill() {}

  /**
   * @param migration the file name under {@code db/query}
   * @param added the columns the migration adds, as {@code table.column}
   */
  public static void assertFillsInWhatTheProjectionWrote(
      ReadModelDatabase db, String migration, List<String> added) {
    JdbcTemplate jdbc = db.jdbc();
    List<String> tables =
        added.stream().map(c -> c.substring(0, c.indexOf('.'))).distinct().toList();
    new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()))
        .executeWithoutResult(
            status -> {
              Map<String, List<Map<String, Object>>> projected = rows(jdbc, tables);
              List<Key> keysBefore = keysWithoutCoveredColumns(jdbc, tables);
              for (String column : added) {
                int dot = column.indexOf('.');
                jdbc.execute(
                    "alter table "
                        + column.substring(0, dot)
                        + " drop column "
                        + column.substring(dot + 1));
              }
              putBackDroppedKeys(jdbc, keysBefore);
              jdbc.execute(script(migration));
              assertThat(rows(jdbc, tables)).isEqualTo(projected);
              status.setRollbackOnly();
            });
  }

  /** A table's primary key as it was before a later migration made it cover other columns. */
  private record Key(String table, String name, String definition) {}

  /**
   * The primary keys of {@code tables} on their key columns only: a later migration (V340) made
   * keys cover the sums, and dropping a covered column drops the key, which the migration under
   * test, written before that, still relies on (its upserts).
   */
  private static List<Key> keysWithoutCoveredColumns(JdbcTemplate jdbc, List<String> tables) {
    return jdbc.query(
        "select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def"
            + " from pg_constraint where contype = 'p' and conrelid::regclass::text = any(?)",
        (rs, n) ->
            new Key(
                rs.getString("tbl"),
                rs.getString("conname"),
                rs.getString("def").replaceFirst(" INCLUDE \\(.*\\)$", "")),
        (Object) tables.toArray(String[]::new));
  }

  private static void putBackDroppedKeys(JdbcTemplate jdbc, List<Key> keys) {
    for (Key key : keys) {
      Integer present =
          jdbc.queryForObject(
              "select count(*) from pg_constraint where conrelid = ?::regclass and conname = ?",
              Integer.class,
              key.table(),
              key.name());
      if (present == 0) {
        jdbc.execute(
            "alter table "
                + key.table()
                + " add constraint "
                + key.name()
                + " "
                + key.definition());
      }
    }
  }

  private static Map<String, List<Map<String, Object>>> rows(
      JdbcTemplate jdbc, List<String> tables) {
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    for (String table : tables) {
      // rows in the order of their text: the columns come back in the same order
      rows.put(table, jdbc.queryForList("select * from " + table + " t order by t::text"));
    }
    return rows;
  }

  private static String script(String migration) {
    try (InputStream in = MigrationBackfill.class.getResourceAsStream("/db/query/" + migration)) {
      if (in == null) {
        throw new IllegalArgumentException("no migration " + migration);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
