package com.salesledger.query.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * For tests of a hand-written JSON writer: the object mapper as the ledger runs it (absent values
 * left out, Blackbird), and the same without the hand-written writers of some types, which then
 * writes them as Jackson does from their record components and annotations.
 */
public final class HandWrittenJson {

  /** Turns off a type's own serializer, so Jackson writes it from its components. */
  @JsonSerialize(using = JsonSerializer.None.class)
  private abstract static class ByAnnotations {}

  private HandWrittenJson() {}

  public static ObjectMapper asTheLedgerWrites() {
    return new ObjectMapper()
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .registerModule(new BlackbirdModule());
  }

  public static ObjectMapper withoutHandWriting(Class<?>... types) {
    ObjectMapper mapper = asTheLedgerWrites();
    for (Class<?> type : types) {
      mapper.addMixIn(type, ByAnnotations.class);
    }
    return mapper;
  }

  public static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
