package com.salesledger.launcher;

import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.query;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesledger.events.target.TargetIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attainment on the dashboard over HTTP, with exact figures, in a region of this test's own: a
 * region's revenue target decomposed to its two teams and one team's down to its reps; actuals per
 * rep, team and region that add up; what was known before the last win and before the targets were
 * set; and a manager who sees only the team they manage.
 *
 * <p>Region R: team T1 (managed by manager1) with reps A and B, team T2 (no manager of ours) with
 * rep C. Won in February 2026: A 1,000.00, B 500.00, C 2,000.00. Targets for 2026 revenue: R
 * 10,000.00 = T1 4,000.00 + T2 6,000.00; T1 = A 2,500.00 + B 1,500.00; C has none.
 */
class AttainmentApiTest {

  private final Api admin = command("admin");
  private final Api finance = command("finance1");
  private final String region = unique("reg");
  private final String t1 = unique("tm1");
  private final String t2 = unique("tm2");
  private final String a = unique("repA");
  private final String b = unique("repB");
  private final String c = unique("repC");
  private long position;

  private void organisation() {
    created(
        admin.post(
            "/api/organisation/regions",
            Map.of("regionId", region, "name", "Test region", "effectiveFrom", "2020-01-01")));
    created(
        admin.post(
            "/api/organisation/teams",
            Map.of(
                "teamId",
                t1,
                "regionId",
                region,
                "name",
                "Team one",
                "managers",
                List.of("manager1"),
                "effectiveFrom",
                "2020-01-01")));
    created(
        admin.post(
            "/api/organisation/teams",
            Map.of(
                "teamId",
                t2,
                "regionId",
                region,
                "name",
                "Team two",
                "managers",
                List.of(),
                "effectiveFrom",
                "2020-01-01")));
    for (String[] placement : new String[][] {{a, t1}, {b, t1}, {c, t2}}) {
      created(
          admin.post(
              "/api/organisation/reps",
              Map.of("rep", placement[0], "teamId", placement[1], "effectiveFrom", "2020-01-01")));
    }
  }

  /** A deal of {@code rep} opened and won in February 2026; team and region come from the chart. */
  private void won(String rep, String amount, String cost) {
    Map<String, Object> deal = new HashMap<>(TestDeals.dealFor(rep));
    deal.remove("team");
    deal.remove("region");
    deal.put("amount", amount);
    deal.put("openedOn", "2026-01-10");
    deal.put("expectedCloseDate", "2026-03-31");
    Api.Response opened = admin.post("/api/deals", deal);
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    Api.Response answer =
        admin.post(
            "/api/deals/" + opened.json().get("dealId").asText() + "/win",
            Map.of("finalAmount", amount, "cost", cost, "closeDate", "2026-02-15"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    position = Math.max(position, answer.position());
  }

  private void target(String level, String id, String amount) {
    created(
        finance.post(
            "/api/targets",
            Map.of(
                "scope", Map.of("level", level, "id", id),
                "period", "2026",
                "metric", "REVENUE",
                "amount", amount,
                "reason", "annual plan")));
  }

  private void decompose(String parent, String level, Map<String, String> children) {
    List<Map<String, Object>> bodies =
        children.entrySet().stream()
            .map(
                e ->
                    Map.<String, Object>of(
                        "scope", Map.of("level", level, "id", e.getKey()), "amount", e.getValue()))
            .toList();
    Api.Response answer =
        finance.post(
            "/api/targets/" + parent + "/decompose",
            Map.of("children", bodies, "reason", "split by plan"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    position = Math.max(position, answer.position());
  }

  private void created(Api.Response answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    position = Math.max(position, answer.position());
  }

  /** The dashboard's rows for 2026 by {@code groupBy}, keyed by group. */
  private Map<String, JsonNode> rows(Api reader, String groupBy, Instant asOf) {
    Api.Response answer =
        reader.get(
            "/api/dashboard/sales?period=2026&groupBy="
                + groupBy
                + "&minPosition="
                + position
                + (asOf == null ? "" : "&asOf=" + asOf));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    Map<String, JsonNode> rows = new HashMap<>();
    answer.json().get("groups").forEach(row -> rows.put(row.get("group").asText(), row));
    return rows;
  }

  private static BigDecimal revenue(JsonNode row) {
    return row.get("metrics").get("REVENUE").get("actual").decimalValue();
  }

  private static void assertAttainment(
      JsonNode row, String actual, String target, String attainment) {
    JsonNode metric = row.get("metrics").get("REVENUE");
    assertThat(metric.get("actual").decimalValue()).isEqualByComparingTo(actual);
    assertThat(metric.get("target").decimalValue()).isEqualByComparingTo(target);
    assertThat(metric.get("attainment").decimalValue()).isEqualByComparingTo(attainment);
    assertThat(row.get("bookedRevenue").decimalValue()).isEqualByComparingTo(actual);
  }

  /**
   * A decomposition appends the parent's event, then each child's: its answer is the position of
   * the last, so a read asked at that position sees every child (the parent's position did not
   * promise that, and a read could miss a child).
   */
  @Test
  void a_decomposition_answers_the_position_of_its_last_child_so_a_read_there_sees_every_child() {
    organisation();
    target("REGION", region, "10000.00");
    long before = position;
    decompose("REGION:" + region + ":2026:REVENUE", "TEAM", Map.of(t1, "4000.00", t2, "6000.00"));
    for (String team : List.of(t1, t2)) {
      long child =
          StoredEvents.positionOf(
              SharedLedger.get(), TargetIds.stream("TEAM:" + team + ":2026:REVENUE"), 0);
      assertThat(child).isGreaterThan(before);
      assertThat(position).as("answered position").isGreaterThanOrEqualTo(child);
    }
    for (String team : List.of(t1, t2)) {
      Api.Response read =
          query("finance2")
              .get(
                  "/api/targets?scope=TEAM:"
                      + team
                      + "&period=2026&metric=REVENUE&minPosition="
                      + position);
      assertThat(read.status()).as(read.text()).isEqualTo(200);
      assertThat(read.json().get("targets").size()).as(read.text()).isEqualTo(1);
    }
  }

  @Test
  void attainment_per_rep_team_and_region_adds_up_and_a_manager_sees_only_their_team()
      throws InterruptedException {
    organisation();
    won(a, "1000.00", "400.00");
    won(b, "500.00", "100.00");
    Thread.sleep(20);
    Instant beforeLastWin = Instant.now();
    Thread.sleep(20);
    won(c, "2000.00", "500.00");
    Thread.sleep(20);
    Instant beforeTargets = Instant.now();
    Thread.sleep(20);
    target("REGION", region, "10000.00");
    decompose("REGION:" + region + ":2026:REVENUE", "TEAM", Map.of(t1, "4000.00", t2, "6000.00"));
    decompose("TEAM:" + t1 + ":2026:REVENUE", "REP", Map.of(a, "2500.00", b, "1500.00"));

    Api auditor = query("finance2");
    Map<String, JsonNode> reps = rows(auditor, "rep", null);
    assertAttainment(reps.get(a), "1000.00", "2500.00", "0.4000");
    assertAttainment(reps.get(b), "500.00", "1500.00", "0.3333");
    JsonNode withoutTarget = reps.get(c).get("metrics").get("REVENUE");
    assertThat(withoutTarget.get("actual").decimalValue()).isEqualByComparingTo("2000.00");
    assertThat(withoutTarget.has("target")).as("no target, no attainment").isFalse();
    assertThat(withoutTarget.has("attainment")).isFalse();

    Map<String, JsonNode> teams = rows(auditor, "team", null);
    assertAttainment(teams.get(t1), "1500.00", "4000.00", "0.3750");
    assertAttainment(teams.get(t2), "2000.00", "6000.00", "0.3333");
    assertThat(revenue(teams.get(t1)))
        .isEqualByComparingTo(revenue(reps.get(a)).add(revenue(reps.get(b))));
    assertThat(revenue(teams.get(t2))).isEqualByComparingTo(revenue(reps.get(c)));

    Map<String, JsonNode> regions = rows(auditor, "region", null);
    assertAttainment(regions.get(region), "3500.00", "10000.00", "0.3500");
    assertThat(revenue(regions.get(region)))
        .isEqualByComparingTo(revenue(teams.get(t1)).add(revenue(teams.get(t2))));

    // As known before C's win: the region has 1,500.00 of revenue; before the targets, none.
    Map<String, JsonNode> earlier = rows(auditor, "region", beforeLastWin);
    assertThat(revenue(earlier.get(region))).isEqualByComparingTo("1500.00");
    JsonNode untargeted = rows(auditor, "region", beforeTargets).get(region);
    assertThat(revenue(untargeted)).isEqualByComparingTo("3500.00");
    assertThat(untargeted.get("metrics").get("REVENUE").has("target")).isFalse();
    assertThat(rows(auditor, "region", beforeLastWin).toString())
        .as("the same question asked twice")
        .isEqualTo(earlier.toString());

    // manager1 manages T1 only: its team and reps, not T2, C or the region's other half.
    Api manager = query("manager1");
    Map<String, JsonNode> managersTeams = rows(manager, "team", null);
    assertAttainment(managersTeams.get(t1), "1500.00", "4000.00", "0.3750");
    assertThat(managersTeams).doesNotContainKey(t2);
    Map<String, JsonNode> managersReps = rows(manager, "rep", null);
    assertThat(managersReps).containsKeys(a, b).doesNotContainKey(c);
    JsonNode managersRegion = rows(manager, "region", null).get(region);
    assertThat(revenue(managersRegion)).isEqualByComparingTo("1500.00");
    // Nor the region's target: GET /api/targets answers 404 for it to a manager, and 1,500.00
    // against the whole region's 10,000.00 is no attainment of theirs (found by probing).
    assertThat(managersRegion.get("metrics").get("REVENUE").has("target")).isFalse();
    assertThat(managersRegion.has("attainment")).isFalse();
  }
}
