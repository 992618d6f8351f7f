package com.salesledger.platform.db;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Accepts the common {@code DATABASE_URL=postgres://user:password@host:port/db} setting and turns
 * it into Spring's datasource properties. {@code SPRING_DATASOURCE_URL} (a JDBC URL) wins if both
 * are given.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String databaseUrl = environment.getProperty("DATABASE_URL");
    if (databaseUrl == null
        || databaseUrl.isBlank()
        || environment.containsProperty("spring.datasource.url")) {
      return;
    }
    environment
        .getPropertySources()
        .addLast(new MapPropertySource("databaseUrl", parse(databaseUrl)));
  }

  static Map<String, Object> parse(String databaseUrl) {
    Map<String, Object> properties = new HashMap<>();
    if (databaseUrl.startsWith("jdbc:")) {
      properties.put("spring.datasource.url", databaseUrl);
      return properties;
    }
    URI uri = URI.create(databaseUrl);
    if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    properties.put(
        "spring.datasource.url",
        "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
    String userInfo = uri.getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      properties.put(
          "spring.datasource.username", colon < 0 ? userInfo : userInfo.substring(0, colon));
      if (colon >= 0) {
        properties.put("spring.datasource.password", userInfo.substring(colon + 1));
      }
    }
    return properties;
  }
}
