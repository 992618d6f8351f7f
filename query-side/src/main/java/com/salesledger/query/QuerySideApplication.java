package com.salesledger.query;

import com.salesledger.platform.PlatformConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The read side: tails the event table into read models and answers queries from them. */
@SpringBootApplication
@Import(PlatformConfiguration.class)
@EnableScheduling // nightly read-model upkeep (receivable/OpenInvoiceIndexes)
public class QuerySideApplication {

  /** Both apps share one classpath in the launcher, so each names its own properties files. */
  public static final String CONFIG_NAMES = "ledger,query-side";

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(QuerySideApplication.class)
        .properties("spring.config.name=" + CONFIG_NAMES);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
