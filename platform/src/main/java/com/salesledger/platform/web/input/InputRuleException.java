package com.salesledger.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value that is well-formed but breaks an input rule of the ledger. Jackson adds the path of
 * the field, so the answer can name it.
 */
public class InputRuleException extends JsonMappingException {

  private final String rule;

  public InputRuleException(JsonParser parser, String rule) {
    super(parser, rule);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
