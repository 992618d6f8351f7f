package com.salesledger.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlEnvironmentPostProcessorTest {

  @Test
  void a_postgres_url_becomes_jdbc_url_user_and_password() {
    assertThat(
            DatabaseUrlEnvironmentPostProcessor.parse(
                "postgres://alice:s3cret@db.example:6543/ledger?sslmode=require"))
        .containsEntry(
            "spring.datasource.url", "jdbc:postgresql://db.example:6543/ledger?sslmode=require")
        .containsEntry("spring.datasource.username", "alice")
        .containsEntry("spring.datasource.password", "s3cret");
  }

  @Test
  void the_port_defaults_to_5432_and_jdbc_urls_pass_through() {
    assertThat(DatabaseUrlEnvironmentPostProcessor.parse("postgresql://bob@db/ledger"))
        .containsEntry("spring.datasource.url", "jdbc:postgresql://db:5432/ledger")
        .containsEntry("spring.datasource.username", "bob")
        .doesNotContainKey("spring.datasource.password");
    assertThat(DatabaseUrlEnvironmentPostProcessor.parse("jdbc:postgresql://h:1/x"))
        .containsOnlyKeys("spring.datasource.url");
  }

  @Test
  void another_scheme_is_refused() {
    assertThatThrownBy(() -> DatabaseUrlEnvironmentPostProcessor.parse("mysql://u@h/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgres://");
  }
}
