package com.salesledger.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections' tokens stay in PostgreSQL whichever store holds the events, so the token table
 * is named here for both profiles (with Axon Server on, Axon would otherwise look for its default
 * {@code tokenentry}, which Flyway never creates). The names must match {@code db/eventstore}.
 */
@Configuration(proxyBeanMethods = false)
public class TokenStoreConfiguration {

  public static final String TOKEN_TABLE = "token_entry";

  @Bean
  TokenSchema tokenSchema() {
    return TokenSchema.builder()
        .setTokenTable(TOKEN_TABLE)
        .setProcessorNameColumn("processor_name")
        .setSegmentColumn("segment")
        .setTokenColumn("token")
        .setTokenTypeColumn("token_type")
        .setTimestampColumn("timestamp")
        .setOwnerColumn("owner")
        .build();
  }

  /**
   * Axon's JDBC token store, with the name this instance's claims carry: by default the JVM's
   * {@code pid@host}; set {@code ledger.node-id} when several instances share one JVM (tests).
   */
  @Bean
  TokenStore tokenStore(
      ConnectionProvider connectionProvider,
      Serializer defaultSerializer,
      TokenSchema tokenSchema,
      @Value("${ledger.node-id:}") String nodeId) {
    JdbcTokenStore.Builder builder =
        JdbcTokenStore.builder()
            .connectionProvider(connectionProvider)
            .serializer(defaultSerializer)
            .schema(tokenSchema)
            .contentType(byte[].class);
    return (nodeId.isBlank() ? builder : builder.nodeId(nodeId)).build();
  }
}
