package com.salesledger.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no datasource URL configured, an app started on its own runs its own embedded PostgreSQL.
 * The launcher starts one server for both apps and passes its URL, so this stays off there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}' == ''")
public class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgresServer embeddedPostgresServer(
      @Value("${ledger.data-dir:./data}") String dataDir,
      @Value("${ledger.embedded-db.port:54329}") int port) {
    return EmbeddedPostgresServer.start(Path.of(dataDir), port);
  }

  /** The pool settings ({@code spring.datasource.hikari.*}, e.g. short timeouts) apply here too. */
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgresServer server) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(server.jdbcUrl());
    dataSource.setUsername(server.username());
    dataSource.setPassword(server.password());
    dataSource.setMaximumPoolSize(10);
    return dataSource;
  }
}
