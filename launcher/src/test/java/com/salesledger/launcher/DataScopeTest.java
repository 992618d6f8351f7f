package com.salesledger.launcher;

import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.query;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rep learns nothing of another rep's deals through any query or command: what lies outside their
 * scope answers exactly as an unknown id, and lists and figures leave it out.
 */
class DataScopeTest {

  @Test
  void another_reps_deal_answers_exactly_as_an_unknown_deal() {
    Histories.Made theirs = Histories.openDeal("rep2");
    String wait = "?minPosition=" + theirs.position();

    assertSameAsUnknownId(
        query("rep1").get("/api/deals/" + theirs.id() + wait),
        query("rep1").get("/api/deals/" + unique("nope") + wait),
        theirs.id());
    String unknown = unique("nope");
    Problems.assertSameAsUnknown(
        command("rep1").post("/api/deals/" + theirs.id() + "/stage", Map.of("stage", "PROPOSAL")),
        command("rep1").post("/api/deals/" + unknown + "/stage", Map.of("stage", "PROPOSAL")),
        theirs.id(),
        unknown);
    Map<String, String> lose = Map.of("reason", "gone", "closeDate", "2025-01-20");
    Problems.assertSameAsUnknown(
        command("rep1").post("/api/deals/" + theirs.id() + "/lose", lose),
        command("rep1").post("/api/deals/" + unknown + "/lose", lose),
        theirs.id(),
        unknown);
    assertThat(query("manager1").get("/api/deals/" + theirs.id()).json().get("status").asText())
        .as("the refused commands changed nothing")
        .isEqualTo("OPEN");
  }

  @Test
  void another_reps_invoice_is_unknown_before_any_date_check_can_reveal_its_issue_date() {
    Histories.Made invoice = Histories.invoicedDeal("rep2");
    String path = "/api/receivables/invoices/";
    String early = "?asOf=2000-01-01&minPosition=" + invoice.position();

    assertProblem(query("finance1").get(path + invoice.id() + early), 400, "asOf");
    assertSameAsUnknownId(
        query("rep1").get(path + invoice.id() + early),
        query("rep1").get(path + unique("nope") + early),
        invoice.id());
    assertSameAsUnknownId(
        query("rep1").get(path + invoice.id()),
        query("rep1").get(path + unique("nope")),
        invoice.id());
    assertThat(query("rep2").get(path + invoice.id()).status()).isEqualTo(200);
  }

  @Test
  void a_reps_lists_show_only_their_own_deals_whatever_they_ask_for() {
    Histories.Made theirs = Histories.openDeal("rep2");
    Histories.openDeal("rep1");
    String wait = "&minPosition=" + theirs.position();

    assertThat(query("rep1").get("/api/deals?size=500" + wait).json().get("deals"))
        .isNotEmpty()
        .allSatisfy(deal -> assertThat(deal.get("ownerRep").asText()).isEqualTo("rep1"));
    assertThat(query("rep1").get("/api/deals?owner=rep2" + wait).json().get("deals")).isEmpty();
    assertThat(query("manager1").get("/api/deals?owner=rep2" + wait).json().get("deals"))
        .isNotEmpty();
  }

  @Test
  void a_reps_dashboard_in_every_grouping_counts_only_their_own_deals() {
    Histories.wonDeal("rep2");
    long position = Histories.wonDeal("rep1").position();
    String wait = "&minPosition=" + position;

    JsonNode everyone =
        query("manager1").get("/api/dashboard/sales?period=2025&groupBy=rep" + wait).json();
    JsonNode rep1Group = null;
    for (JsonNode group : everyone.get("groups")) {
      if (group.get("group").asText().equals("rep1")) {
        rep1Group = group;
      }
    }
    assertThat(rep1Group).isNotNull();
    assertThat(everyone.get("total").get("bookedRevenue").decimalValue())
        .isGreaterThan(rep1Group.get("bookedRevenue").decimalValue());

    for (String groupBy : new String[] {"rep", "team", "region", "productLine", "month"}) {
      JsonNode mine =
          query("rep1").get("/api/dashboard/sales?period=2025&groupBy=" + groupBy + wait).json();
      assertThat(mine.get("scope").asText()).as(groupBy).isEqualTo("own deals of rep1");
      assertThat(mine.get("total").get("bookedRevenue").decimalValue())
          .as(groupBy)
          .isEqualByComparingTo(rep1Group.get("bookedRevenue").decimalValue());
      assertThat(mine.get("total").get("dealsWon").asLong())
          .as(groupBy)
          .isEqualTo(rep1Group.get("dealsWon").asLong());
    }
  }

  /** As {@link Problems#assertSameAsUnknown}, the unknown id read from the detail. */
  private static void assertSameAsUnknownId(
      Api.Response outOfScope, Api.Response unknown, String id) {
    String unknownId = unknown.json().get("detail").asText().replaceAll(".*(nope-\\w+).*", "$1");
    Problems.assertSameAsUnknown(outOfScope, unknown, id, unknownId);
  }
}
