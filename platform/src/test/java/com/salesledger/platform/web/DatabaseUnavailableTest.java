package com.salesledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Which database failures pass if tried again later, however they are wrapped. */
class DatabaseUnavailableTest {

  private static RuntimeException wrapped(String sqlState) {
    return new DataIntegrityViolationException(
        "batch failed", new SQLException("from PostgreSQL", sqlState));
  }

  @Test
  void a_failure_of_the_database_at_that_moment_is_transient() {
    for (String state :
        new String[] {"40001", "40P01", "53100", "53200", "53300", "55P03", "57014", "57P01"}) {
      assertThat(DatabaseUnavailable.isTransient(wrapped(state))).as(state).isTrue();
    }
    assertThat(DatabaseUnavailable.isTransient(wrapped("08006"))).as("connection failure").isTrue();
  }

  @Test
  void a_deadlock_is_contention_and_a_full_disk_is_a_shortage() {
    assertThat(DatabaseUnavailable.isContention(wrapped("40P01"))).isTrue();
    assertThat(DatabaseUnavailable.isContention(wrapped("40001"))).isTrue();
    assertThat(DatabaseUnavailable.isContention(wrapped("55P03"))).isTrue();
    assertThat(DatabaseUnavailable.isContention(wrapped("53100"))).isFalse();
    assertThat(DatabaseUnavailable.isBusy(wrapped("53100"))).isTrue();
    assertThat(DatabaseUnavailable.isBusy(wrapped("57014"))).isTrue();
    assertThat(DatabaseUnavailable.isBusy(wrapped("40P01"))).isFalse();
    assertThat(DatabaseUnavailable.isOutage(wrapped("53300"))).isFalse();
  }

  @Test
  void a_failure_of_what_was_asked_is_not_transient() {
    // unique violation, numeric out of range, value too long, invalid text, raised by a trigger
    for (String state : new String[] {"23505", "22003", "22001", "22P02", "P0001"}) {
      assertThat(DatabaseUnavailable.isTransient(wrapped(state))).as(state).isFalse();
    }
    assertThat(DatabaseUnavailable.isTransient(new IllegalStateException("a handler's bug")))
        .isFalse();
  }
}
