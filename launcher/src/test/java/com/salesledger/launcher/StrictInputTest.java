package com.salesledger.launcher;

import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.RefusedCommandsTest.eventCount;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The input rules of issue 15, each once, on the requests that broke them: every one is a 4xx
 * problem naming the field and the rule, and none stores anything.
 */
class StrictInputTest {

  private final Api manager = command("manager1");

  @Test
  void text_that_could_poison_a_read_model_or_an_audit_trail_is_refused() {
    long before = eventCount();
    for (String bad : new String[] {"a\u0000b", "a\u0007b", "a\u202eb", "a\u200bb", "\ufeffa"}) {
      Map<String, Object> deal = TestDeals.dealFor("rep1");
      deal.put("customerId", bad);
      assertProblem(manager.post("/api/deals", deal), 400, "customerId");
    }
    Map<String, Object> lone = TestDeals.dealFor("rep1");
    String body = json(lone).replace("\"north\"", "\"\\ud800\"");
    assertProblem(post(manager, "/api/deals", body), 400, "region");
    assertThat(eventCount()).isEqualTo(before);
  }

  @Test
  void free_text_may_span_lines_and_accepted_text_is_normalised() {
    Map<String, Object> deal = TestDeals.dealFor("rep1");
    deal.put("customerId", "Jose\u0301");
    Api.Response opened = manager.post("/api/deals", deal);
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    String dealId = opened.json().get("dealId").asText();
    Api.Response lost =
        manager.post(
            "/api/deals/" + dealId + "/lose",
            Map.of("reason", "budget cut\nby the board", "closeDate", "2025-03-01"));
    assertThat(lost.status()).as(lost.text()).isEqualTo(200);
    Api.Response view =
        query("manager1").get("/api/deals/" + dealId + "?minPosition=" + lost.position());
    assertThat(view.json().get("customerId").asText()).isEqualTo("Jos\u00e9");
  }

  @Test
  void absurd_dates_unknown_properties_and_repeated_keys_are_refused_naming_them() {
    long before = eventCount();
    for (String date : new String[] {"-999999999-01-01", "0000-01-01", "+999999999-12-31"}) {
      Map<String, Object> deal = TestDeals.dealFor("rep1");
      deal.put("expectedCloseDate", date);
      assertProblem(manager.post("/api/deals", deal), 400, "expectedCloseDate");
    }
    Map<String, Object> junk = TestDeals.dealFor("rep1");
    junk.put("junk", new int[] {1, 2, 3});
    assertProblem(manager.post("/api/deals", junk), 400, "junk");
    String repeated = json(TestDeals.dealFor("rep1")).replaceFirst("\\}$", ",\"customerId\":null}");
    assertProblem(post(manager, "/api/deals", repeated), 400, "customerId");
    Api.Response payment =
        post(
            command("finance1"),
            "/api/invoices/INV-none/payments",
            "{\"paymentId\":\"P-x\",\"amount\":1,\"receivedOn\":\"2025-01-01\",\"paymentId\":null}");
    assertProblem(payment, 400, "paymentId");
    assertThat(eventCount()).isEqualTo(before);
  }

  @Test
  void query_parameters_are_checked_like_bodies() {
    Api rep = query("rep1");
    assertProblem(rep.get("/api/deals?size=1000"), 400, "size");
    assertProblem(rep.get("/api/receivables/invoices/INV-x?asOf=0000-01-01"), 400, "asOf");
    assertProblem(rep.get("/api/deals?owner=a%00b"), 400, "owner");
    assertProblem(rep.get("/api/deals/a%E2%80%AEb"), 400, "path");
    assertProblem(
        query("finance1").get("/api/receivables/ageing?buckets=" + "9,".repeat(120)),
        400,
        "buckets");
    assertThat(rep.get("/api/deals?owner=a%E2%80%AEb").contentType())
        .startsWith("application/problem+json");
    assertProblem(Api.at(SharedLedger.get().queryPort(), null).get("/error"), 404, null);
    assertProblem(Api.at(SharedLedger.get().commandPort(), null).get("/error"), 404, null);
  }

  /**
   * Found by probing: these controllers read dates, instants and periods as text, and a year such
   * as +999999999 (a Java date, not a PostgreSQL one) was a 500, or a 200 with nonsense sums.
   */
  @Test
  void absurd_dates_instants_and_periods_in_query_parameters_are_400s_naming_them() {
    Api finance = query("finance1");
    String far = "%2B1000000000-12-31T23:59:59Z";
    String before = "-1000000000-01-01T00:00:00Z";
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("/api/organisation?effectiveOn=%2B999999999-12-31", "effectiveOn");
    refused.put("/api/organisation?effectiveOn=0001-01-01", "effectiveOn");
    refused.put("/api/organisation?asOf=" + before, "asOf");
    refused.put("/api/organisation?asOf=" + far, "asOf");
    refused.put("/api/targets?asOf=" + far, "asOf");
    refused.put("/api/targets?effectiveOn=-999999999-01-01", "effectiveOn");
    refused.put("/api/targets?period=9999", "period");
    refused.put("/api/targets/COMPANY:COMPANY:2026:REVENUE?asOf=" + before, "asOf");
    refused.put("/api/dashboard/sales?period=1900", "period");
    refused.put("/api/dashboard/sales?period=9999", "period");
    refused.put("/api/dashboard/sales?period=2026&asOf=" + before, "asOf");
    refused.put("/api/credit-accounts/C-strict?asOf=%2B999999999-12-31", "asOf");
    refused.put("/api/credit-accounts/C-strict?asOf=" + before, "asOf");
    refused.put("/api/receivables/ageing?asOf=0001-01-01", "asOf");
    refused.put("/api/receivables/collections?from=-999999999-01-01&to=2026-01-01", "from");
    refused.forEach((path, field) -> assertProblem(finance.get(path), 400, field));
  }

  /**
   * Found by probing: a date sent as an array or a number, a rep named "a:b" (which no target can
   * name) and a target for the year 9999 were all accepted.
   */
  @Test
  void dates_other_than_strings_unaddressable_ids_and_absurd_periods_are_refused_in_bodies() {
    long before = eventCount();
    Api admin = command("admin");
    assertProblem(
        post(
            admin,
            "/api/organisation/regions",
            "{\"regionId\":\"strict-r\",\"name\":\"R\",\"effectiveFrom\":[2026,1,1]}"),
        400,
        "effectiveFrom");
    assertProblem(
        post(
            admin,
            "/api/organisation/regions",
            "{\"regionId\":\"strict-r\",\"name\":\"R\",\"effectiveFrom\":20260101}"),
        400,
        "effectiveFrom");
    assertProblem(
        admin.post(
            "/api/organisation/regions",
            Map.of("regionId", "strict:r", "name", "R", "effectiveFrom", "2026-01-01")),
        400,
        "regionId");
    assertProblem(
        admin.post(
            "/api/organisation/reps",
            Map.of("rep", "a:b", "teamId", "north-1", "effectiveFrom", "2026-01-01")),
        400,
        "rep");
    assertProblem(
        admin.post(
            "/api/organisation/teams",
            Map.of(
                "teamId",
                "t".repeat(33),
                "regionId",
                "north",
                "name",
                "T",
                "managers",
                java.util.List.of(),
                "effectiveFrom",
                "2026-01-01")),
        400,
        "teamId");
    assertProblem(
        command("finance1")
            .post(
                "/api/targets",
                Map.of(
                    "scope",
                    Map.of("level", "COMPANY"),
                    "period",
                    "9999",
                    "metric",
                    "REVENUE",
                    "amount",
                    "1.00",
                    "reason",
                    "far")),
        400,
        "period");
    assertThat(eventCount()).isEqualTo(before);
  }

  @Test
  void an_oversize_body_is_a_413_problem() {
    Map<String, Object> deal = TestDeals.dealFor("rep1");
    deal.put("customerId", "x".repeat(2_000_000));
    assertProblem(manager.post("/api/deals", deal), 413, null);
  }

  private static Api.Response post(Api api, String path, String body) {
    return api.send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static String json(Object body) {
    try {
      return Api.JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
