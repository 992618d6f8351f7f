package com.salesledger.command.common;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads what an Idempotency-Key was first used for. Rows are written by the interceptor. */
@Component
public class IdempotencyKeys {

  static final String ALREADY_USED = "was used by a request that completed meanwhile";

  public record Recorded(String requestHash, CommandResult result) {}

  private final JdbcTemplate jdbc;

  public IdempotencyKeys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Recorded> find(String user, String key) {
    return jdbc
        .query(
            "select request_hash, aggregate_id, version from idempotency_key"
                + " where username = ? and idem_key = ?",
            (rs, i) ->
                new Recorded(rs.getString(1), new CommandResult(rs.getString(2), rs.getLong(3))),
            user,
            key)
        .stream()
        .findFirst();
  }
}
