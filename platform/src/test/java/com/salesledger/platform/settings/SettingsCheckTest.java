package com.salesledger.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class SettingsCheckTest {

  private final SettingsCheck check = new SettingsCheck();

  @Test
  void the_defaults_and_sensible_values_start() {
    MockEnvironment sensible =
        new MockEnvironment()
            .withProperty("ledger.currency", "USD")
            .withProperty("ledger.time-zone", "Europe/Berlin")
            .withProperty("ledger.receivables.default-payment-terms-days", "0")
            .withProperty("ledger.credit.hold.exposure-share", "1.20")
            .withProperty("ledger.targets.approval-threshold", "0")
            .withProperty("ledger.query.max-wait-ms", "5000")
            .withProperty("ledger.input.max-body-size", "2MB")
            .withProperty("ledger.query.answer-cache-size", "0")
            .withProperty("ledger.security.token.lifetime", "30m")
            .withProperty("ledger.security.basic-cache-ttl", "PT60S")
            .withProperty("ledger.receivables.index-rebuild-cron", "0 0 3 * * SUN");

    assertThatCode(
            () -> check.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
        .doesNotThrowAnyException();
    assertThatCode(() -> check.postProcessEnvironment(sensible, new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void every_broken_setting_is_named_with_its_variable_value_and_rule() {
    MockEnvironment broken =
        new MockEnvironment()
            .withProperty("ledger.currency", "EURO")
            .withProperty("ledger.time-zone", "Mars/Base")
            .withProperty("ledger.receivables.default-payment-terms-days", "-30")
            .withProperty("ledger.credit.warning.exposure-share", "abc")
            .withProperty("ledger.query.max-wait-ms", "-5")
            .withProperty("ledger.query.answer-cache-size", "lots")
            .withProperty("ledger.security.token.lifetime", "0s")
            .withProperty("ledger.receivables.index-rebuild-cron", "every night");

    InvalidSettingsException failure =
        catchThrowableOfType(
            InvalidSettingsException.class,
            () -> check.postProcessEnvironment(broken, new SpringApplication()));

    assertThat(failure.broken())
        .containsExactly(
            "LEDGER_CURRENCY (ledger.currency) is 'EURO': it must be an ISO 4217 currency code, e.g. EUR",
            "LEDGER_TIME_ZONE (ledger.time-zone) is 'Mars/Base': it must be a time zone id, e.g. UTC"
                + " or Europe/Berlin",
            "LEDGER_RECEIVABLES_DEFAULT_PAYMENT_TERMS_DAYS (ledger.receivables.default-payment-terms-days)"
                + " is '-30': it must be a whole number from 0 to 3650",
            "LEDGER_CREDIT_WARNING_EXPOSURE_SHARE (ledger.credit.warning.exposure-share) is 'abc': it"
                + " must be a share above 0 and at most 10, e.g. 0.80 for 80%",
            "LEDGER_QUERY_MAX_WAIT_MS (ledger.query.max-wait-ms) is '-5': it must be a whole number"
                + " from 0 to 600000",
            "LEDGER_RECEIVABLES_INDEX_REBUILD_CRON (ledger.receivables.index-rebuild-cron) is 'every"
                + " night': it must be a Spring cron expression of six fields, e.g. 0 15 1 * * *",
            "LEDGER_QUERY_ANSWER_CACHE_SIZE (ledger.query.answer-cache-size) is 'lots': it must be a"
                + " size, e.g. 32MB (0 for none)",
            "LEDGER_SECURITY_TOKEN_LIFETIME (ledger.security.token.lifetime) is '0s': it must be a"
                + " positive duration, e.g. 30m");
  }

  @Test
  void a_currency_that_looks_right_but_is_not_iso_is_refused() {
    MockEnvironment env = new MockEnvironment().withProperty("ledger.currency", "XYZ");
    assertThat(
            catchThrowableOfType(
                InvalidSettingsException.class,
                () -> check.postProcessEnvironment(env, new SpringApplication())))
        .isNotNull();
  }

  @Test
  void the_start_fails_with_the_sentences_and_no_stack_trace_to_read() {
    InvalidSettingsException failure =
        InvalidSettingsException.of("ledger.credit.review.schedule", "WEEKLY", "be DAILY|HH:MM");

    FailureAnalysis analysis =
        new InvalidSettingsFailureAnalyzer().analyze(new RuntimeException("wrapped", failure));

    assertThat(analysis.getDescription())
        .contains(
            "LEDGER_CREDIT_REVIEW_SCHEDULE (ledger.credit.review.schedule) is 'WEEKLY': it must be"
                + " DAILY|HH:MM");
    assertThat(analysis.getAction()).contains("README.md");
  }
}
