package com.salesledger.query.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Numbers written from their digits are the characters Jackson writes for the same BigDecimal, for
 * every sign, size and scale (those written from digits and those left to Jackson).
 */
class JsonDecimalsTest {

  private static final JsonFactory FACTORY = new JsonFactory();

  @Provide
  Arbitrary<BigInteger> unscaled() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000)),
        Arbitraries.longs().map(BigInteger::valueOf),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25)),
        Arbitraries.of(
            BigInteger.ZERO,
            BigInteger.TEN.pow(17),
            BigInteger.TEN.pow(18).subtract(BigInteger.ONE),
            BigInteger.TEN.pow(18),
            BigInteger.valueOf(Long.MAX_VALUE),
            BigInteger.valueOf(Long.MIN_VALUE)));
  }

  @Property(tries = 2000)
  void a_decimal_is_written_as_jackson_writes_it(
      @ForAll("unscaled") BigInteger unscaled, @ForAll @IntRange(min = -4, max = 10) int scale) {
    BigDecimal value = new BigDecimal(unscaled, scale);

    assertThat(written(json -> new JsonDecimals().write(json, value)))
        .isEqualTo(written(json -> json.writeNumber(value)));
  }

  @Property(tries = 1000)
  void cents_are_written_as_jackson_writes_the_amount(@ForAll long cents) {
    assertThat(written(json -> new JsonDecimals().writeCents(json, cents)))
        .isEqualTo(written(json -> json.writeNumber(BigDecimal.valueOf(cents, 2))));
  }

  @Test
  void one_writer_writes_many_numbers_in_a_row() {
    JsonDecimals numbers = new JsonDecimals();
    String all =
        written(
            json -> {
              json.writeStartArray();
              numbers.write(json, new BigDecimal("123456789012.3456"));
              numbers.writeCents(json, -5);
              numbers.write(json, new BigDecimal("7"));
              numbers.write(json, new BigDecimal("1E-9"));
              json.writeEndArray();
            });

    assertThat(all).isEqualTo("[123456789012.3456,-0.05,7,1E-9]");
  }

  private interface Writing {
    void to(JsonGenerator json) throws IOException;
  }

  private static String written(Writing writing) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      writing.to(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
