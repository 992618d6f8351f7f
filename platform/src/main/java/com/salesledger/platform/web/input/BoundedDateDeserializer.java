package com.salesledger.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;

/** A date of a request body is read as ISO-8601 and must lie in the {@link DateRange}. */
class BoundedDateDeserializer extends StdScalarDeserializer<LocalDate> {

  private final DateRange range;

  BoundedDateDeserializer(DateRange range) {
    super(LocalDate.class);
    this.range = range;
  }

  @Override
  public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
    if (date != null && !range.contains(date)) {
      throw new InputRuleException(p, range.rule());
    }
    return date;
  }
}
