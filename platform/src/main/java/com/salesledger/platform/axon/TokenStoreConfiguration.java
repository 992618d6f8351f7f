package com.salesledger.platform.axon;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
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
}
