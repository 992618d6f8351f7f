package com.salesledger.query.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CentsTest {

  @Test
  void amounts_in_postgresql_text_are_whole_cents() {
    assertThat(Cents.parse("1234.56")).isEqualTo(123_456);
    assertThat(Cents.parse("1234.5")).isEqualTo(123_450);
    assertThat(Cents.parse("12")).isEqualTo(1_200);
    assertThat(Cents.parse("0.00")).isZero();
    assertThat(Cents.parse("-0.07")).isEqualTo(-7);
    assertThat(Cents.parse("-300.00")).isEqualTo(-30_000);
    assertThat(Cents.parse("9999999999999.99")).isEqualTo(999_999_999_999_999L);
    assertThat(Cents.parse(null)).isZero();
  }

  @Test
  void other_forms_are_read_exactly_or_refused() {
    assertThat(Cents.parse("1.2E+3")).isEqualTo(120_000);
    assertThat(Cents.parse("1.500")).isEqualTo(150);
    assertThatThrownBy(() -> Cents.parse("1.005")).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Cents.parse("-")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Cents.parse("1.2.3")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void any_amount_of_two_decimals_reads_as_big_decimal_does() {
    Random random = new Random(19);
    for (int n = 0; n < 100_000; n++) {
      BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000L, 2);
      assertThat(Cents.parse(amount.toPlainString()))
          .as(amount.toPlainString())
          .isEqualTo(amount.movePointRight(2).longValueExact());
    }
  }
}
