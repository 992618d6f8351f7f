package com.salesledger.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The embedded server is durable, locked down, owns its folder and comes back by itself. */
class EmbeddedPostgresServerTest {

  @TempDir Path dataFolder;

  @Test
  void commits_are_durable_and_the_server_listens_on_loopback_with_a_password_only()
      throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataFolder, 0)) {
      JdbcTemplate jdbc = jdbc(server);
      assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(jdbc, "fsync")).isEqualTo("on");
      assertThat(setting(jdbc, "max_parallel_workers_per_gather")).isEqualTo("0");
      assertThat(
              jdbc.queryForObject(
                  "select setting::bigint * 8 / 1024 from pg_settings where name = 'shared_buffers'",
                  Long.class))
          .isEqualTo(PostgresCluster.sharedBuffersMegabytes());
      assertThat(setting(jdbc, "full_page_writes")).isEqualTo("on");
      assertThat(setting(jdbc, "listen_addresses")).isEqualTo("127.0.0.1");
      assertThat(setting(jdbc, "data_directory"))
          .isEqualTo(dataFolder.resolve("postgres").toRealPath().toString());
      assertThat(
              jdbc.queryForList("select distinct auth_method from pg_hba_file_rules", String.class))
          .containsExactly("scram-sha-256");

      Path passwordFile = dataFolder.resolve(DatabasePassword.FILE_NAME);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
          .isEqualTo("rw-------");
      assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password()).hasSize(32);

      assertThat(loginState(server, null)).as("no password").isEqualTo("08004");
      assertThat(loginState(server, "postgres")).as("a guessed password").isEqualTo("28P01");
    }
  }

  @Test
  void a_folder_in_use_by_a_live_server_is_refused_and_the_password_is_kept_across_starts() {
    String password;
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataFolder, 0)) {
      password = server.password();
      assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataFolder, 0))
          .hasMessageContaining(
              "is in use by a running ledger (process " + ProcessHandle.current().pid());
      assertThat(jdbc(server).queryForObject("select 1", Integer.class)).isEqualTo(1);
    }
    try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataFolder, 0)) {
      assertThat(again.password()).isEqualTo(password);
      assertThat(jdbc(again).queryForObject("select 1", Integer.class)).isEqualTo(1);
    }
  }

  @Test
  void a_folder_made_by_the_earlier_trusting_setup_gets_a_password() throws Exception {
    try (EmbeddedPostgres trusting =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataFolder.resolve("postgres"))
            .setCleanDataDirectory(false)
            .start()) {
      trusting
          .getPostgresDatabase()
          .getConnection()
          .createStatement()
          .execute("create table kept (id int)");
    }
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataFolder, 0)) {
      assertThat(jdbc(server).queryForObject("select count(*) from kept", Integer.class)).isZero();
      assertThat(loginState(server, null)).isEqualTo("08004");
    }
  }

  @Test
  void the_server_comes_back_by_itself_when_every_process_of_it_is_killed() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataFolder, 0)) {
      JdbcTemplate jdbc = jdbc(server);
      jdbc.execute("create table survivor (id int primary key)");
      jdbc.update("insert into survivor values (1)");
      ProcessHandle before = server.serverProcess();

      killEveryProcess(before);
      long killedAt = System.nanoTime();
      awaitServing(jdbc, 30_000);

      System.out.printf(
          "embedded PostgreSQL serving again %d ms after SIGKILL%n",
          (System.nanoTime() - killedAt) / 1_000_000);
      assertThat(server.serverProcess().pid()).isNotEqualTo(before.pid());
      assertThat(jdbc.queryForObject("select count(*) from survivor", Integer.class)).isEqualTo(1);
    }
  }

  /** SIGKILL to the server and every process it started, all at once. */
  static void killEveryProcess(ProcessHandle postmaster) {
    List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
    all.add(postmaster);
    all.forEach(ProcessHandle::destroyForcibly);
    all.forEach(p -> p.onExit().join());
  }

  private static void awaitServing(JdbcTemplate jdbc, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      try {
        jdbc.queryForObject("select 1", Integer.class);
        return;
      } catch (RuntimeException down) {
        if (System.currentTimeMillis() > deadline) {
          throw down;
        }
        Thread.sleep(100);
      }
    }
  }

  private static JdbcTemplate jdbc(EmbeddedPostgresServer server) {
    return new JdbcTemplate(
        new DriverManagerDataSource(server.jdbcUrl(), server.username(), server.password()));
  }

  private static String setting(JdbcTemplate jdbc, String name) {
    return jdbc.queryForObject("select current_setting(?)", String.class, name);
  }

  private static String loginState(EmbeddedPostgresServer server, String password) {
    Properties properties = new Properties();
    properties.setProperty("user", server.username());
    if (password != null) {
      properties.setProperty("password", password);
    }
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), properties);
        Statement statement = connection.createStatement()) {
      statement.execute("select 1");
      return "logged in";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }
}
