package com.salesledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * What the {@code axonserver} profile switches, checked without an Axon Server: the apps' own
 * property files as Spring Boot loads them, and the token table every profile uses.
 */
class AxonServerProfileWiringTest {

  private static ConfigurableApplicationContext start(String... profiles) {
    return new SpringApplicationBuilder(TokenStoreConfiguration.class)
        .web(WebApplicationType.NONE)
        .properties("spring.config.name=ledger")
        .profiles(profiles)
        .run();
  }

  @Test
  void the_profile_turns_axon_server_on_keeps_jackson_and_switches_block_listing_off() {
    try (ConfigurableApplicationContext context = start("axonserver")) {
      Environment environment = context.getEnvironment();
      assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("true");
      assertThat(environment.getProperty("axon.axonserver.event-block-listing-enabled"))
          .as("every processor must see every event for position-based read-your-writes")
          .isEqualTo("false");
      assertThat(environment.getProperty("axon.serializer.events")).isEqualTo("jackson");
      assertThat(environment.getProperty("axon.serializer.messages")).isEqualTo("jackson");
      assertThat(environment.getProperty("axon.serializer.general")).isEqualTo("jackson");
    }
  }

  @Test
  void both_profiles_keep_the_tokens_in_the_flyway_table() {
    for (String[] profiles : new String[][] {{}, {"axonserver"}}) {
      try (ConfigurableApplicationContext context = start(profiles)) {
        assertThat(context.getBean(TokenSchema.class).tokenTable()).isEqualTo("token_entry");
        assertThat(context.getEnvironment().getProperty("axon.axonserver.enabled"))
            .isEqualTo(profiles.length == 0 ? "false" : "true");
      }
    }
  }
}
