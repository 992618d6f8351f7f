package com.salesledger.query.common.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;

/** One JDBC batch statement for many rows, parameters set with their SQL types (no look-ups). */
public final class Batch {

  /** Sets one row's parameters. */
  @FunctionalInterface
  public interface Row<T> {
    void set(Params params, T row) throws SQLException;
  }

  private Batch() {}

  public static <T> void write(JdbcTemplate jdbc, String sql, Collection<T> rows, Row<T> setter) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(sql, rows, rows.size(), (ps, row) -> setter.set(new Params(ps), row));
  }

  /** Positional parameters of one row, each set with its type so nulls need no look-up. */
  public static final class Params {
    private final PreparedStatement ps;
    private int index;

    Params(PreparedStatement ps) {
      this.ps = ps;
    }

    public Params text(String value) throws SQLException {
      ps.setObject(++index, value, java.sql.Types.VARCHAR);
      return this;
    }

    public Params number(java.math.BigDecimal value) throws SQLException {
      ps.setObject(++index, value, java.sql.Types.NUMERIC);
      return this;
    }

    public Params whole(long value) throws SQLException {
      ps.setLong(++index, value);
      return this;
    }

    public Params date(java.time.LocalDate value) throws SQLException {
      ps.setObject(++index, value, java.sql.Types.DATE);
      return this;
    }

    public Params instant(java.time.Instant value) throws SQLException {
      ps.setObject(
          ++index,
          value == null ? null : value.atOffset(java.time.ZoneOffset.UTC),
          java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
      return this;
    }
  }
}
