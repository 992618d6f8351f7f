package com.salesledger.launcher;

import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.query;
import static com.salesledger.launcher.SharedLedger.unique;
import static com.salesledger.launcher.TestDeals.dealFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nobody sees or changes what their role does not allow. */
class AccessTest {

  @Test
  void without_credentials_every_api_call_is_401() {
    Api anonymous = Api.at(SharedLedger.get().commandPort(), null);
    Api.Response response = anonymous.post("/api/deals", dealFor("rep1"));
    assertProblem(response, 401, null);
    assertThat(response.headers().get("www-authenticate")).startsWith("Basic");
    assertProblem(Api.at(SharedLedger.get().queryPort(), null).get("/api/deals/x"), 401, null);
    Api wrongPassword = Api.at(SharedLedger.get().queryPort(), "nobody");
    assertProblem(wrongPassword.get("/api/dashboard/sales?period=2025"), 401, null);
  }

  @Test
  void a_rep_reads_and_changes_only_their_own_deals() {
    Api.Response mine = command("rep1").post("/api/deals", dealFor("rep1"));
    assertThat(mine.status()).as(mine.text()).isEqualTo(201);
    String myDeal = mine.json().get("dealId").asText();
    Api.Response theirs = command("rep2").post("/api/deals", dealFor("rep2"));
    String theirDeal = theirs.json().get("dealId").asText();
    long position = theirs.position();

    assertThat(query("rep1").get("/api/deals/" + myDeal + "?minPosition=" + position).status())
        .isEqualTo(200);
    assertProblem(
        query("rep1").get("/api/deals/" + theirDeal + "?minPosition=" + position), 404, null);
    assertThat(query("manager1").get("/api/deals/" + theirDeal).status()).isEqualTo(200);
    assertThat(query("auditor1").get("/api/deals/" + theirDeal).status()).isEqualTo(200);
    assertThat(
            query("rep1")
                .get("/api/deals?owner=rep1")
                .json()
                .get("deals")
                .findValuesAsText("ownerRep"))
        .isNotEmpty()
        .containsOnly("rep1");
    assertThat(query("rep1").get("/api/deals?owner=rep2").json().get("deals")).isEmpty();

    assertProblem(command("rep1").post("/api/deals", dealFor("rep2")), 403, null);
    assertProblem(
        command("rep1").post("/api/deals/" + theirDeal + "/stage", Map.of("stage", "PROPOSAL")),
        404,
        null);
    assertProblem(
        command("rep1")
            .post(
                "/api/deals/" + theirDeal + "/win",
                Map.of("finalAmount", "1.00", "cost", "0", "closeDate", "2025-02-01")),
        404,
        null);
    assertThat(query("manager1").get("/api/deals/" + theirDeal).json().get("status").asText())
        .isEqualTo("OPEN");
  }

  @Test
  void roles_bound_what_each_user_may_do() {
    assertProblem(command("auditor1").post("/api/deals", dealFor("rep1")), 403, null);
    assertProblem(command("finance1").post("/api/deals", dealFor("rep1")), 403, null);
    assertProblem(
        command("rep1")
            .post(
                "/api/invoices",
                Map.of(
                    "invoiceId",
                    unique("INV"),
                    "dealId",
                    "D-1",
                    "amount",
                    "1",
                    "issueDate",
                    "2025-01-01")),
        403,
        null);
    assertProblem(
        command("rep1")
            .post(
                "/api/deals/D-1/reassign",
                Map.of("ownerRep", "rep1", "team", "t", "reason", "mine")),
        403,
        null);
    assertProblem(
        command("manager1")
            .post(
                "/api/invoices",
                Map.of(
                    "invoiceId",
                    unique("INV"),
                    "dealId",
                    "D-1",
                    "amount",
                    "1",
                    "issueDate",
                    "2025-01-01")),
        403,
        null);
  }

  @Test
  void a_reps_dashboard_counts_only_their_own_deals() {
    Histories.wonDeal("rep1");
    Histories.wonDeal("rep2");
    long position = RefusedCommandsTest.lastPosition();
    assertThat(
            query("manager1")
                .get("/api/dashboard/sales?period=2025&groupBy=rep&minPosition=" + position)
                .json()
                .get("groups")
                .findValuesAsText("group"))
        .contains("rep1", "rep2");
    Api.Response dashboard =
        query("rep1").get("/api/dashboard/sales?period=2025&groupBy=rep&minPosition=" + position);
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.json().get("groups").findValuesAsText("group")).containsOnly("rep1");
  }
}
