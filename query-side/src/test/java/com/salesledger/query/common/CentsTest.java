package com.salesledger.query.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CentsTest {

  @Test
  void amounts_are_whole_cents() {
    assertThat(Cents.of(new BigDecimal("1234.56"))).isEqualTo(123_456);
    assertThat(Cents.of(new BigDecimal("1234.5"))).isEqualTo(123_450);
    assertThat(Cents.of(new BigDecimal("12"))).isEqualTo(1_200);
    assertThat(Cents.of(new BigDecimal("0.00"))).isZero();
    assertThat(Cents.of(new BigDecimal("-0.07"))).isEqualTo(-7);
    assertThat(Cents.of(new BigDecimal("-300.00"))).isEqualTo(-30_000);
    assertThat(Cents.of(new BigDecimal("9999999999999.99"))).isEqualTo(999_999_999_999_999L);
    assertThat(Cents.of(null)).isZero();
  }

  @Test
  void other_forms_are_read_exactly_or_refused() {
    assertThat(Cents.of(new BigDecimal("1.2E+3"))).isEqualTo(120_000);
    assertThat(Cents.of(new BigDecimal("1.500"))).isEqualTo(150);
    assertThatThrownBy(() -> Cents.of(new BigDecimal("1.005")))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Cents.of(new BigDecimal("1E+30")))
        .isInstanceOf(ArithmeticException.class);
  }
}
