package com.salesledger.launcher;

import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Targets over HTTP with exact figures. The ledger stamps events with the real clock, so "set in
 * January, revised in March" are the instants this test saw between its calls: asked as of an
 * instant before the revision was recorded, between recording and approval, and after.
 */
class TargetsApiTest {

  /**
   * Gross margin: the demo data sets the company's revenue and collections targets of every year,
   * and behind Axon Server every test's ledger shares one event store, so a demo-data ledger of an
   * earlier test (e.g. RestartTest) already holds those.
   */
  private static final String TARGET = "COMPANY:COMPANY:2026:GROSS_MARGIN";

  private static Instant pause() throws InterruptedException {
    Thread.sleep(20);
    Instant seen = Instant.now();
    Thread.sleep(20);
    return seen;
  }

  private static JsonNode company(long position, String effectiveOn, Instant asOf) {
    String path =
        "/api/targets?scope=COMPANY&period=2026&metric=GROSS_MARGIN&minPosition="
            + position
            + "&effectiveOn="
            + effectiveOn
            + (asOf == null ? "" : "&asOf=" + asOf);
    Api.Response answer = query("finance2").get(path);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.position()).isGreaterThanOrEqualTo(position);
    JsonNode targets = answer.json().get("targets");
    assertThat(targets.size()).as(answer.text()).isEqualTo(1);
    return targets.get(0);
  }

  private static BigDecimal amount(JsonNode target) {
    return target.get("amount").decimalValue();
  }

  @Test
  void a_revision_above_the_threshold_counts_once_approved_and_from_its_effective_day()
      throws InterruptedException {
    Api.Response set =
        command("finance1")
            .post(
                "/api/targets",
                Map.of(
                    "scope", Map.of("level", "COMPANY"),
                    "period", "2026",
                    "metric", "GROSS_MARGIN",
                    "amount", "1000000.00",
                    "reason", "annual plan"));
    assertThat(set.status()).as(set.text()).isEqualTo(201);
    assertThat(set.json().get("targetId").asText()).isEqualTo(TARGET);
    assertThat(set.json().get("position").asLong()).isEqualTo(set.position());
    Instant afterSet = pause();

    assertProblem(
        command("finance2")
            .post(
                "/api/targets",
                Map.of(
                    "scope", Map.of("level", "COMPANY"),
                    "period", "2026",
                    "metric", "GROSS_MARGIN",
                    "amount", "5.00",
                    "reason", "again")),
        409,
        null);

    Api.Response revised =
        command("finance1")
            .post(
                "/api/targets/" + TARGET + "/revisions",
                Map.of("amount", "1200000.00", "effectiveFrom", "2026-04-01", "reason", "market"));
    assertThat(revised.status()).as(revised.text()).isEqualTo(201);
    String revisionId = revised.json().get("revisionId").asText();
    assertThat(revisionId).isEqualTo("TR-1");
    Instant beforeApproval = pause();

    Api.Response own =
        command("finance1")
            .post(
                "/api/targets/" + TARGET + "/revisions/" + revisionId + "/approve",
                Map.of("reason", "mine"));
    assertProblem(own, 403, null);
    assertThat(own.json().get("detail").asText()).contains("Maker-checker");

    // A manager's scope is their teams: a company target does not exist for manager1.
    assertProblem(
        command("manager1")
            .post(
                "/api/targets/" + TARGET + "/revisions/" + revisionId + "/approve",
                Map.of("reason", "agreed")),
        404,
        null);

    Api.Response approved =
        command("finance2")
            .post(
                "/api/targets/" + TARGET + "/revisions/" + revisionId + "/approve",
                Map.of("reason", "agreed"));
    assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    long position = approved.position();
    assertProblem(
        command("finance2")
            .post(
                "/api/targets/" + TARGET + "/revisions/" + revisionId + "/reject",
                Map.of("reason", "late")),
        409,
        null);

    // Before the revision was recorded: the January amount, whatever the day asked about.
    JsonNode known = company(position, "2026-05-15", afterSet);
    assertThat(amount(known)).isEqualByComparingTo("1000000.00");
    assertThat(known.get("revisions").size()).isEqualTo(1);

    // Recorded but not yet approved: still the January amount, the revision waits.
    JsonNode waiting = company(position, "2026-05-15", beforeApproval);
    assertThat(amount(waiting)).isEqualByComparingTo("1000000.00");
    assertThat(waiting.get("pendingRevisions").size()).isEqualTo(1);
    assertThat(waiting.get("pendingRevisions").get(0).get("by").asText()).isEqualTo("finance1");

    // Now: a day in March is before the revision's effective day; May is after it.
    JsonNode march = company(position, "2026-03-15", null);
    assertThat(amount(march)).isEqualByComparingTo("1000000.00");
    JsonNode may = company(position, "2026-05-15", null);
    assertThat(amount(may)).isEqualByComparingTo("1200000.00");
    assertThat(may.get("pendingRevisions").size()).isZero();
    assertThat(may.get("outOfBalance").asBoolean()).isFalse();
    JsonNode history = may.get("revisions");
    assertThat(history.size()).isEqualTo(2);
    assertThat(history.get(0).get("amount").decimalValue()).isEqualByComparingTo("1000000.00");
    assertThat(history.get(0).get("by").asText()).isEqualTo("finance1");
    assertThat(history.get(1).get("amount").decimalValue()).isEqualByComparingTo("1200000.00");
    assertThat(history.get(1).get("effectiveFrom").asText()).isEqualTo("2026-04-01");
    assertThat(history.get(1).get("by").asText()).isEqualTo("finance1");
    assertThat(history.get(1).get("approvedBy").asText()).isEqualTo("finance2");
    assertThat(history.get(1).get("reason").asText()).isEqualTo("market");
    assertThat(Instant.parse(history.get(1).get("recordedAt").asText()))
        .isAfter(afterSet)
        .isBefore(beforeApproval);
    assertThat(Instant.parse(history.get(1).get("inForceFrom").asText())).isAfter(beforeApproval);

    Api.Response one = query("finance2").get("/api/targets/" + TARGET + "?effectiveOn=2026-05-15");
    assertThat(one.status()).as(one.text()).isEqualTo(200);
    assertThat(one.json().get("amount").decimalValue()).isEqualByComparingTo("1200000.00");
    assertProblem(query("rep1").get("/api/targets/" + TARGET), 404, null);
  }
}
