package com.salesledger.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;

/**
 * A date of a request body is an ISO-8601 string and must lie in the {@link DateRange}. Jackson's
 * other forms (an array {@code [2026,1,1]}, a number of days since 1970) are refused: the API's
 * dates are {@code YYYY-MM-DD}, and a number such as 20260101 read as days was refused for its
 * range, a message that did not say what was wrong.
 */
class BoundedDateDeserializer extends StdScalarDeserializer<LocalDate> {

  private final DateRange range;

  BoundedDateDeserializer(DateRange range) {
    super(LocalDate.class);
    this.range = range;
  }

  @Override
  public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.hasToken(JsonToken.VALUE_STRING)) {
      throw new InputRuleException(p, "must be a date as YYYY-MM-DD");
    }
    LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
    if (date != null && !range.contains(date)) {
      throw new InputRuleException(p, range.rule());
    }
    return date;
  }
}
