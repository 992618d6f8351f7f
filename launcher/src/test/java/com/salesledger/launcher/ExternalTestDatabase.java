package com.salesledger.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tests run on the embedded PostgreSQL unless {@code LEDGER_TEST_DATABASE_URL} names a server (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}); then every ledger a test starts gets a
 * database of its own there, so parallel ledgers never share processors or tokens.
 */
final class ExternalTestDatabase {

  private ExternalTestDatabase() {}

  static Optional<Map<String, Object>> freshDatabase() {
    String url = System.getenv("LEDGER_TEST_DATABASE_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String user = System.getenv().getOrDefault("LEDGER_TEST_DATABASE_USER", "postgres");
    String password = System.getenv().getOrDefault("LEDGER_TEST_DATABASE_PASSWORD", "");
    String name = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + url, e);
    }
    return Optional.of(
        Map.of(
            "spring.datasource.url", withDatabase(url, name),
            "spring.datasource.username", user,
            "spring.datasource.password", password));
  }

  static String withDatabase(String url, String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
  }
}
