package com.salesledger.query.receivable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.salesledger.query.common.JsonDecimals;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * An ageing group written field by field, exactly as Jackson wrote the record (same names and
 * order, an absent value left out, amounts as {@link BigDecimal#toString()}), with amounts held in
 * cents written from the cents ({@link JsonDecimals}): an ageing by customer writes 16,000 groups
 * of seven amounts at 10 million events, and making and writing a BigDecimal for each was the
 * larger part of its time.
 */
final class AgeingGroupJson extends StdSerializer<AgeingReport.Group> {

  private static final SerializedString KEY = new SerializedString("key");
  private static final SerializedString OPEN = new SerializedString("open");
  private static final SerializedString AMOUNTS = new SerializedString("amounts");

  AgeingGroupJson() {
    super(AgeingReport.Group.class);
  }

  @Override
  public void serialize(AgeingReport.Group group, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    if (group.amounts() instanceof CentsList cents && group.open() == cents.total()) {
      // the open total is the very sum the list made
      write(group.key(), cents.totalCents(), cents.cents(), json);
      return;
    }
    JsonDecimals numbers = new JsonDecimals();
    json.writeStartObject();
    if (group.key() != null) {
      json.writeFieldName(KEY);
      json.writeString(group.key());
    }
    if (group.open() != null) {
      json.writeFieldName(OPEN);
      numbers.write(json, group.open());
    }
    List<BigDecimal> amounts = group.amounts();
    if (amounts != null) {
      json.writeFieldName(AMOUNTS);
      json.writeStartArray();
      for (BigDecimal amount : amounts) {
        if (amount == null) {
          json.writeNull(); // a list keeps its absent entries, as Jackson writes them
        } else {
          numbers.write(json, amount);
        }
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** A group in whole cents, written from the cents. */
  private static void write(String key, long open, long[] cents, JsonGenerator json)
      throws IOException {
    JsonDecimals numbers = new JsonDecimals();
    json.writeStartObject();
    if (key != null) {
      json.writeFieldName(KEY);
      json.writeString(key);
    }
    json.writeFieldName(OPEN);
    numbers.writeCents(json, open);
    json.writeFieldName(AMOUNTS);
    json.writeStartArray();
    for (long amount : cents) {
      numbers.writeCents(json, amount);
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
