package com.salesledger.query.common;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query side's answers are large lists of records (16,000 ageing groups, 2,000 dashboard rows):
 * Jackson reading each property through reflection was a tenth of the JVM's time writing them.
 * Blackbird, Jackson's own module, reads them through generated lambdas instead; Spring Boot adds
 * every {@link Module} bean to its object mapper.
 */
@Configuration
class JsonConfiguration {

  @Bean
  Module blackbird() {
    return new BlackbirdModule();
  }
}
