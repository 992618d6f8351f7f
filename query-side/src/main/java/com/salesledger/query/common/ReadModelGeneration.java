package com.salesledger.query.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One number that changes whenever a read model changes by a path other than its processor handling
 * new events (a rebuild's swap, a dead-letter retry): with the processors' tokens, it is the state
 * kept answers are keyed by (see {@link AnswerCache}).
 */
@Component
public class ReadModelGeneration {

  private final JdbcTemplate jdbc;

  public ReadModelGeneration(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Raises the generation: in the transaction that changes the read model, or after it commits
   * (never before: an answer of the old state would be kept under the new number).
   */
  public void raise() {
    // an upsert: a table emptied by hand (or by a test) raises from nothing rather than not at all
    jdbc.update(
        "insert into read_model_generation as g (only_row, generation) values (true, 1)"
            + " on conflict (only_row) do update set generation = g.generation + 1");
  }

  /**
   * The current generation as an SQL expression, for a statement that must read it in the same
   * snapshot as its rows.
   */
  public static final String CURRENT =
      "coalesce((select generation from read_model_generation), 0)";
}
