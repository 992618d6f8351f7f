package com.salesledger.platform.web.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

  @Test
  void names_refuse_control_invisible_bidirectional_and_broken_unicode() {
    for (String bad :
        new String[] {
          "a\u0000b",
          "a\u0001",
          "a\u007f",
          "a\u0085",
          "\u202eabc",
          "a\u2066b",
          "a\u200bb",
          "\ufeffa",
          "a\u00adb",
          "\ud800",
          "x\udc00",
          "a\uffff",
          "a\u2028b",
          "line\nbreak",
          "\tx",
          "\udb40\udc01tag"
        }) {
      assertThat(TextRules.check(bad, false).ok()).as(bad).isFalse();
    }
    assertThat(TextRules.check("x".repeat(201), false).rule()).contains("at most 200");
  }

  @Test
  void free_text_allows_line_breaks_tabs_and_direction_marks_but_not_overrides_or_nul() {
    assertThat(TextRules.check("line one\r\nline two\tend", true).ok()).isTrue();
    assertThat(TextRules.check("\u05e9\u05dc\u05d5\u05dd \u200f(RLM)", true).ok()).isTrue();
    assertThat(TextRules.check("a\u0000b", true).ok()).isFalse();
    assertThat(TextRules.check("\u202eevil", true).ok()).isFalse();
    assertThat(TextRules.check("x".repeat(4001), true).ok()).isFalse();
    assertThat(TextRules.isFreeText("reason")).isTrue();
    assertThat(TextRules.isFreeText("customerId")).isFalse();
  }

  @Test
  void accepted_text_is_normalised_to_nfc() {
    TextRules.Result decomposed = TextRules.check("Jose\u0301 \ud83d\ude00", false);
    assertThat(decomposed.ok()).isTrue();
    assertThat(decomposed.value()).isEqualTo("Jos\u00e9 \ud83d\ude00");
  }
}
