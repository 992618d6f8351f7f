package com.salesledger.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/** Every string of a request body passes {@link TextRules}, as a name or as free text. */
class CheckedStringDeserializer extends StdScalarDeserializer<String>
    implements ContextualDeserializer {

  private final boolean freeText;

  CheckedStringDeserializer() {
    this(false);
  }

  private CheckedStringDeserializer(boolean freeText) {
    super(String.class);
    this.freeText = freeText;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
    boolean free = property != null && TextRules.isFreeText(property.getName());
    return free == freeText ? this : new CheckedStringDeserializer(free);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String raw = StringDeserializer.instance.deserialize(p, ctxt);
    if (raw == null) {
      return null;
    }
    TextRules.Result result = TextRules.check(raw, freeText);
    if (!result.ok()) {
      throw new InputRuleException(p, result.rule());
    }
    return result.value();
  }
}
