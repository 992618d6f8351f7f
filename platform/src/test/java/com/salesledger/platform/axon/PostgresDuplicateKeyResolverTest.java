package com.salesledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PostgresDuplicateKeyResolverTest {

  private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

  @Test
  void a_unique_violation_anywhere_in_the_cause_chain_is_a_duplicate_key() {
    SQLException unique = new SQLException("duplicate key value", "23505");
    assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("wrapped", unique))).isTrue();
  }

  @Test
  void other_sql_errors_are_not() {
    assertThat(resolver.isDuplicateKeyViolation(new SQLException("fk", "23503"))).isFalse();
    assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("no sql"))).isFalse();
  }
}
