package com.salesledger.benchmark;

import com.salesledger.platform.db.EmbeddedPostgresServer;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The PostgreSQL the benchmark measures: an embedded one of its own, or the one named. */
final class Database implements AutoCloseable {

  private final EmbeddedPostgresServer embedded;
  final String url;
  final String user;
  final String password;

  private Database(EmbeddedPostgresServer embedded, String url, String user, String password) {
    this.embedded = embedded;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  static Database embedded(Path dataDir, int port) {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), port);
    // Ctrl-C or a kill of the benchmark stops its PostgreSQL too (an interrupted run left one
    // running, and the next run on that port refused to start)
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-benchmark-postgres"));
    return new Database(server, server.jdbcUrl(), server.username(), server.password());
  }

  static Database external(String url, String user, String password) {
    return new Database(null, url, user, password);
  }

  boolean isEmbedded() {
    return embedded != null;
  }

  DataSource dataSource() {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(url);
    source.setUser(user);
    source.setPassword(password);
    source.setReWriteBatchedInserts(true);
    return source;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
