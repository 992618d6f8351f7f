package com.salesledger.platform.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.unit.DataSize;

/**
 * Checks the ledger's documented settings (README "Settings") before anything starts, and refuses
 * to start on any that breaks its rule, naming every such setting at once. A setting only one
 * feature can read (the credit review's schedule) is checked where it is read, with the same
 * exception. Found by an operator's probe: a currency of "EURO", a negative payment term or a
 * negative wait were accepted and only showed up later as wrong due dates or odd answers; a time
 * zone of "Mars/Base" stopped the start with a long stack trace instead of one sentence.
 */
public class SettingsCheck implements EnvironmentPostProcessor {

  /** One setting: its property, what it must be, and the test of a value. */
  record Rule(String property, String must, Predicate<String> holds) {}

  static final List<Rule> RULES =
      List.of(
          new Rule(
              "ledger.currency", "be an ISO 4217 currency code, e.g. EUR", SettingsCheck::currency),
          new Rule(
              "ledger.time-zone",
              "be a time zone id, e.g. UTC or Europe/Berlin",
              SettingsCheck::zone),
          days("ledger.receivables.default-payment-terms-days", 0),
          days("ledger.credit.check.overdue-days", 1),
          days("ledger.credit.warning.overdue-days", 1),
          days("ledger.credit.hold.overdue-days", 1),
          share("ledger.credit.warning.exposure-share"),
          share("ledger.credit.hold.exposure-share"),
          new Rule(
              "ledger.targets.approval-threshold",
              "be a share from 0 to 10, e.g. 0.10 for 10%",
              v -> decimalBetween(v, BigDecimal.ZERO, BigDecimal.TEN)),
          whole("ledger.query.max-wait-ms", 0, 600_000),
          whole("ledger.eventstore.gap-timeout-ms", 0, Integer.MAX_VALUE),
          whole("ledger.dead-letters.max-sequences", 1, Integer.MAX_VALUE),
          whole("ledger.rebuild.batch-size", 1, 100_000),
          whole("ledger.processors.max-claimed-segments", 0, 1_024),
          whole("ledger.embedded-db.port", 0, 65_535),
          new Rule(
              "ledger.receivables.index-rebuild-cron",
              "be a Spring cron expression of six fields, e.g. 0 15 1 * * *",
              CronExpression::isValidExpression),
          new Rule("ledger.input.max-body-size", "be a size, e.g. 1MB", SettingsCheck::size),
          new Rule(
              "ledger.query.answer-cache-size",
              "be a size, e.g. 32MB (0 for none)",
              SettingsCheck::sizeOrNone),
          new Rule(
              "ledger.security.token.lifetime",
              "be a positive duration, e.g. 30m",
              SettingsCheck::positiveDuration),
          new Rule(
              "ledger.security.basic-cache-ttl",
              "be a duration, e.g. 60s (0 for none)",
              SettingsCheck::duration));

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    List<String> broken = new ArrayList<>();
    for (Rule rule : RULES) {
      String value = environment.getProperty(rule.property());
      if (value != null && !rule.holds().test(value.trim())) {
        broken.add(InvalidSettingsException.sentence(rule.property(), value, rule.must()));
      }
    }
    if (!broken.isEmpty()) {
      throw new InvalidSettingsException(broken);
    }
  }

  private static Rule days(String property, int min) {
    return whole(property, min, 3_650);
  }

  private static Rule whole(String property, long min, long max) {
    return new Rule(
        property,
        "be a whole number from " + min + " to " + max,
        v -> {
          try {
            long n = Long.parseLong(v);
            return n >= min && n <= max;
          } catch (NumberFormatException e) {
            return false;
          }
        });
  }

  private static Rule share(String property) {
    return new Rule(
        property,
        "be a share above 0 and at most 10, e.g. 0.80 for 80%",
        v -> decimalBetween(v, BigDecimal.ZERO, BigDecimal.TEN) && new BigDecimal(v).signum() > 0);
  }

  private static boolean decimalBetween(String value, BigDecimal min, BigDecimal max) {
    if (!value.matches("[0-9]{1,6}(\\.[0-9]{1,6})?")) {
      return false;
    }
    BigDecimal n = new BigDecimal(value);
    return n.compareTo(min) >= 0 && n.compareTo(max) <= 0;
  }

  private static boolean currency(String value) {
    return value.matches("[A-Z]{3}") && read(value, Currency::getInstance) != null;
  }

  private static boolean zone(String value) {
    return read(value, ZoneId::of) != null;
  }

  private static boolean sizeOrNone(String value) {
    DataSize size = read(value, DataSize::parse);
    return size != null && size.toBytes() >= 0;
  }

  private static boolean size(String value) {
    DataSize size = read(value, DataSize::parse);
    return size != null && size.toBytes() > 0;
  }

  private static boolean duration(String value) {
    return durationOf(value) != null;
  }

  private static boolean positiveDuration(String value) {
    Duration d = durationOf(value);
    return d != null && !d.isZero();
  }

  /** The duration written, or null when it is unreadable or negative. */
  private static Duration durationOf(String value) {
    Duration d = read(value, DurationStyle::detectAndParse);
    return d == null || d.isNegative() ? null : d;
  }

  /** What {@code reader} makes of the value, or null when it cannot read it. */
  private static <T> T read(String value, Function<String, T> reader) {
    try {
      return reader.apply(value);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
