package com.salesledger.query.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.query.common.JsonDecimals;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * A dashboard row written field by field, exactly as Jackson wrote the record (same names and
 * order, absent values left out, amounts as {@link BigDecimal#toString()}): a year by rep writes
 * 2,000 rows of 18 fields and four metrics each, and at 10 million events Jackson's general bean
 * and map writers were a quarter of that answer's time; amounts are written from their digits
 * ({@link JsonDecimals}).
 */
final class SalesFiguresJson extends StdSerializer<SalesFigures> {

  private static final SerializedString GROUP = new SerializedString("group");
  private static final SerializedString BOOKED_REVENUE = new SerializedString("bookedRevenue");
  private static final SerializedString COST = new SerializedString("cost");
  private static final SerializedString GROSS_PROFIT = new SerializedString("grossProfit");
  private static final SerializedString GROSS_MARGIN = new SerializedString("grossMargin");
  private static final SerializedString DEALS_WON = new SerializedString("dealsWon");
  private static final SerializedString DEALS_LOST = new SerializedString("dealsLost");
  private static final SerializedString WIN_RATE = new SerializedString("winRate");
  private static final SerializedString NEW_CUSTOMERS = new SerializedString("newCustomers");
  private static final SerializedString MEAN_CYCLE = new SerializedString("meanSalesCycleDays");
  private static final SerializedString PRIOR_REVENUE = new SerializedString("priorYearRevenue");
  private static final SerializedString GROWTH = new SerializedString("growth");
  private static final SerializedString HELD_DEALS = new SerializedString("heldDeals");
  private static final SerializedString HELD_AMOUNT = new SerializedString("heldAmount");
  private static final SerializedString COLLECTIONS = new SerializedString("collections");
  private static final SerializedString TARGET = new SerializedString("target");
  private static final SerializedString ATTAINMENT = new SerializedString("attainment");
  private static final SerializedString METRICS = new SerializedString("metrics");
  private static final SerializedString ACTUAL = new SerializedString("actual");

  private static final Map<TargetMetric, SerializedString> METRIC_NAMES =
      new EnumMap<>(TargetMetric.class);

  static {
    for (TargetMetric metric : TargetMetric.values()) {
      METRIC_NAMES.put(metric, new SerializedString(metric.name()));
    }
  }

  SalesFiguresJson() {
    super(SalesFigures.class);
  }

  @Override
  public void serialize(SalesFigures row, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    JsonDecimals numbers = new JsonDecimals();
    json.writeStartObject();
    if (row.group() != null) {
      json.writeFieldName(GROUP);
      json.writeString(row.group());
    }
    amount(json, numbers, BOOKED_REVENUE, row.bookedRevenue());
    amount(json, numbers, COST, row.cost());
    amount(json, numbers, GROSS_PROFIT, row.grossProfit());
    amount(json, numbers, GROSS_MARGIN, row.grossMargin());
    json.writeFieldName(DEALS_WON);
    json.writeNumber(row.dealsWon());
    json.writeFieldName(DEALS_LOST);
    json.writeNumber(row.dealsLost());
    amount(json, numbers, WIN_RATE, row.winRate());
    json.writeFieldName(NEW_CUSTOMERS);
    json.writeNumber(row.newCustomers());
    amount(json, numbers, MEAN_CYCLE, row.meanSalesCycleDays());
    amount(json, numbers, PRIOR_REVENUE, row.priorYearRevenue());
    amount(json, numbers, GROWTH, row.growth());
    json.writeFieldName(HELD_DEALS);
    json.writeNumber(row.heldDeals());
    amount(json, numbers, HELD_AMOUNT, row.heldAmount());
    amount(json, numbers, COLLECTIONS, row.collections());
    amount(json, numbers, TARGET, row.target());
    amount(json, numbers, ATTAINMENT, row.attainment());
    if (row.metrics() != null) {
      json.writeFieldName(METRICS);
      json.writeStartObject();
      for (Map.Entry<TargetMetric, SalesFigures.Metric> entry : row.metrics().entrySet()) {
        SalesFigures.Metric metric = entry.getValue();
        if (metric == null) {
          continue; // absent values are left out of maps too (non_null, ledger.properties)
        }
        json.writeFieldName(METRIC_NAMES.get(entry.getKey()));
        json.writeStartObject();
        amount(json, numbers, ACTUAL, metric.actual());
        amount(json, numbers, TARGET, metric.target());
        amount(json, numbers, ATTAINMENT, metric.attainment());
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /** An amount or ratio under its name; an absent one is left out, as everywhere in the API. */
  private static void amount(
      JsonGenerator json, JsonDecimals numbers, SerializedString name, BigDecimal value)
      throws IOException {
    if (value != null) {
      json.writeFieldName(name);
      numbers.write(json, value);
    }
  }
}
