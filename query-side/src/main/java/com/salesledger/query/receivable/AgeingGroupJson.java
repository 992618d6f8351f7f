package com.salesledger.query.receivable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * An ageing group written field by field, exactly as Jackson wrote the record (same names and
 * order, an absent value left out, amounts as {@link BigDecimal#toString()}), with amounts held in
 * cents written from the cents: an ageing by customer writes 16,000 groups of seven amounts at 10
 * million events, and making and writing a BigDecimal for each was the larger part of its time.
 */
final class AgeingGroupJson extends StdSerializer<AgeingReport.Group> {

  private static final SerializedString KEY = new SerializedString("key");
  private static final SerializedString OPEN = new SerializedString("open");
  private static final SerializedString AMOUNTS = new SerializedString("amounts");

  /** The longest amount: a sign, 17 digits, a point and two decimals, with room to spare. */
  private static final int LONGEST = 24;

  AgeingGroupJson() {
    super(AgeingReport.Group.class);
  }

  @Override
  public void serialize(AgeingReport.Group group, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    char[] digits = new char[LONGEST];
    json.writeStartObject();
    if (group.key() != null) {
      json.writeFieldName(KEY);
      json.writeString(group.key());
    }
    List<BigDecimal> amounts = group.amounts();
    if (group.open() != null) {
      json.writeFieldName(OPEN);
      if (amounts instanceof CentsList cents && group.open() == cents.total()) {
        writeCents(json, digits, cents.totalCents()); // the very sum the list made
      } else {
        json.writeNumber(group.open());
      }
    }
    if (amounts != null) {
      json.writeFieldName(AMOUNTS);
      json.writeStartArray();
      if (amounts instanceof CentsList cents) {
        for (int i = 0; i < cents.size(); i++) {
          writeCents(json, digits, cents.centsAt(i));
        }
      } else {
        for (BigDecimal amount : amounts) {
          if (amount == null) {
            json.writeNull(); // a list keeps its absent entries, as Jackson writes them
          } else {
            json.writeNumber(amount);
          }
        }
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** Whole cents as BigDecimal.valueOf(cents, 2).toString() writes them: "-0.05", "1234.50". */
  static void writeCents(JsonGenerator json, char[] digits, long cents) throws IOException {
    if (cents == Long.MIN_VALUE) {
      json.writeNumber(BigDecimal.valueOf(cents, 2)); // its magnitude has no long
      return;
    }
    long rest = Math.abs(cents);
    int at = digits.length;
    digits[--at] = (char) ('0' + rest % 10);
    rest /= 10;
    digits[--at] = (char) ('0' + rest % 10);
    rest /= 10;
    digits[--at] = '.';
    do {
      digits[--at] = (char) ('0' + rest % 10);
      rest /= 10;
    } while (rest > 0);
    if (cents < 0) {
      digits[--at] = '-';
    }
    json.writeNumber(digits, at, digits.length - at);
  }
}
