package com.salesledger.query.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query side reads every text of an event with NUL (U+0000) replaced by U+FFFD: PostgreSQL text
 * cannot hold NUL, and an event that the store accepted must not stop a projection. The event
 * itself keeps its exact bytes in the event store; only the read models see the replacement
 * character. (The HTTP reader has stricter rules of its own and refuses such text outright.)
 */
@Configuration(proxyBeanMethods = false)
class StorableTextConfiguration {

  static final char REPLACEMENT = '\uFFFD';

  @Bean
  Module storableText() {
    SimpleModule module = new SimpleModule("ledger-storable-text");
    module.addDeserializer(String.class, new StorableStringDeserializer());
    return module;
  }

  static String storable(String text) {
    return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', REPLACEMENT);
  }

  private static final class StorableStringDeserializer extends StdScalarDeserializer<String> {

    StorableStringDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return storable(StringDeserializer.instance.deserialize(p, ctxt));
    }
  }
}
