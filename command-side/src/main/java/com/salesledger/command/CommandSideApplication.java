package com.salesledger.command;

import com.salesledger.platform.PlatformConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The write side: takes commands over HTTP, decides in aggregates, stores events. */
@SpringBootApplication
@Import(PlatformConfiguration.class)
public class CommandSideApplication {

  /** Both apps share one classpath in the launcher, so each names its own properties files. */
  public static final String CONFIG_NAMES = "ledger,command-side";

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(CommandSideApplication.class)
        .properties("spring.config.name=" + CONFIG_NAMES);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
