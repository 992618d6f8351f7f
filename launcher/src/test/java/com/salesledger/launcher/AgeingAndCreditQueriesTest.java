package com.salesledger.launcher;

import static com.salesledger.launcher.CreditTesting.account;
import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.query;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The query side of credit control over HTTP: the worked example's ageing as of three dates to the
 * cent (README "Receivables ageing"), and a held deal in finance's inbox until a limit increase
 * requested by finance1 and approved by finance2 releases it.
 */
class AgeingAndCreditQueriesTest {

  private final Api finance1 = command("finance1");
  private final Api finance2 = command("finance2");
  private final Api manager = command("manager1");
  private final String c1 = unique("agC1");
  private final String c2 = unique("agC2");
  private final String c3 = unique("agC3");
  private long position;

  @AfterEach
  void settle() {
    CreditTesting.awaitWarningsSettled(SharedLedger.get());
  }

  /** A won deal of {@code rep} for the customer and one invoice of it; answers the invoice id. */
  private String invoice(String customer, String rep, String amount, String issued, String due) {
    Map<String, Object> deal = TestDeals.dealFor(rep);
    deal.put("customerId", customer);
    deal.put("amount", amount);
    Api.Response opened = manager.post("/api/deals", deal);
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    String dealId = opened.json().get("dealId").asText();
    Api.Response won =
        manager.post(
            "/api/deals/" + dealId + "/win",
            Map.of("finalAmount", amount, "cost", "1.00", "closeDate", "2026-01-01"));
    assertThat(won.status()).as(won.text()).isEqualTo(200);
    String invoiceId = unique("INV");
    Api.Response issuedInvoice =
        finance1.post(
            "/api/invoices",
            Map.of(
                "invoiceId", invoiceId,
                "dealId", dealId,
                "amount", amount,
                "issueDate", issued,
                "dueDate", due));
    assertThat(issuedInvoice.status()).as(issuedInvoice.text()).isEqualTo(201);
    position = issuedInvoice.position();
    return invoiceId;
  }

  private void settle(String invoiceId, String kind, Map<String, Object> body) {
    Api.Response settled = finance1.post("/api/invoices/" + invoiceId + "/" + kind, body);
    assertThat(settled.status()).as(settled.text()).isIn(200, 201);
    position = Math.max(position, settled.position());
  }

  private void pay(String invoiceId, String amount, String on) {
    settle(
        invoiceId,
        "payments",
        Map.of("paymentId", unique("PAY"), "amount", amount, "receivedOn", on));
  }

  /** The worked example of the README, for three fresh customers. */
  private void workedExample() {
    String i1 = invoice(c1, "rep1", "1000.00", "2026-01-10", "2026-02-09");
    String i4 = invoice(c3, "rep1", "1200.00", "2026-01-05", "2026-02-04");
    String i3 = invoice(c2, "rep2", "1800.00", "2026-02-01", "2026-03-03");
    pay(i1, "400.00", "2026-02-20");
    pay(i4, "200.00", "2026-03-01");
    String i2 = invoice(c1, "rep1", "2500.00", "2026-03-01", "2026-03-31");
    settle(
        i2,
        "credit-notes",
        Map.of(
            "creditNoteId",
            unique("CN"),
            "amount",
            "300.00",
            "issuedOn",
            "2026-03-15",
            "reason",
            "price error"));
    pay(i3, "800.00", "2026-04-10");
    invoice(c3, "rep1", "700.00", "2026-04-15", "2026-05-15");
    pay(i1, "600.00", "2026-05-05");
    settle(
        i4,
        "write-off",
        Map.of("amount", "1000.00", "writtenOffOn", "2026-05-20", "reason", "insolvent"));
  }

  /** Our customers' rows as "open[buckets]", in c1, c2, c3 order ("-" where absent). */
  private List<String> rows(Api reader, String asOf) {
    Api.Response answer =
        reader.get("/api/receivables/ageing?asOf=" + asOf + "&minPosition=" + position);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.position()).isGreaterThanOrEqualTo(position);
    JsonNode report = answer.json();
    assertThat(report.get("buckets").toString())
        .isEqualTo("[\"not yet due\",\"1-30\",\"31-60\",\"61-90\",\"91-120\",\"over 120\"]");
    List<String> rows = new ArrayList<>();
    for (String customer : List.of(c1, c2, c3)) {
      String row = "-";
      for (JsonNode group : report.get("groups")) {
        if (group.get("key").asText().equals(customer)) {
          List<String> amounts = new ArrayList<>();
          group.get("amounts").forEach(a -> amounts.add(cents(a)));
          row = cents(group.get("open")) + amounts;
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /** The amount to the cent (JSON numbers lose trailing zeros on the way in). */
  private static String cents(JsonNode amount) {
    return amount.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  @Test
  void ageing_of_the_worked_example_as_of_three_dates_to_the_cent() {
    workedExample();
    Api reader = query("finance1");
    assertThat(rows(reader, "2026-02-15"))
        .containsExactly(
            "1000.00[0.00, 1000.00, 0.00, 0.00, 0.00, 0.00]",
            "1800.00[1800.00, 0.00, 0.00, 0.00, 0.00, 0.00]",
            "1200.00[0.00, 1200.00, 0.00, 0.00, 0.00, 0.00]");
    assertThat(rows(reader, "2026-03-31"))
        .containsExactly(
            "2800.00[2200.00, 0.00, 600.00, 0.00, 0.00, 0.00]",
            "1800.00[0.00, 1800.00, 0.00, 0.00, 0.00, 0.00]",
            "1000.00[0.00, 0.00, 1000.00, 0.00, 0.00, 0.00]");
    assertThat(rows(reader, "2026-06-30"))
        .containsExactly(
            "2200.00[0.00, 0.00, 0.00, 0.00, 2200.00, 0.00]",
            "1000.00[0.00, 0.00, 0.00, 0.00, 1000.00, 0.00]",
            "700.00[0.00, 0.00, 700.00, 0.00, 0.00, 0.00]");
    // rep2 sees only the invoice of their own deal (c2's).
    assertThat(rows(query("rep2"), "2026-03-31"))
        .containsExactly("-", "1800.00[0.00, 1800.00, 0.00, 0.00, 0.00, 0.00]", "-");

    Api.Response total =
        reader.get("/api/receivables/ageing?asOf=2026-03-31&minPosition=" + position);
    JsonNode grand = total.json().get("total");
    java.math.BigDecimal buckets = java.math.BigDecimal.ZERO;
    for (JsonNode amount : grand.get("amounts")) {
      buckets = buckets.add(amount.decimalValue());
    }
    assertThat(buckets).isEqualByComparingTo(grand.get("open").decimalValue());
  }

  @Test
  void a_client_holding_the_last_ageing_is_told_it_is_current_until_a_payment_changes_it() {
    String i1 = invoice(c1, "rep1", "1000.00", "2026-01-10", "2026-02-09");
    Api reader = query("finance1");
    String ageing = "/api/receivables/ageing?asOf=2026-03-31&minPosition=";
    Api.Response first = reader.get(ageing + position);
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(first.contentType()).startsWith("application/json");
    // kept by the ledger, never by browsers or proxies (decisions.md "Kept answers")
    assertThat(first.headers().get("cache-control")).contains("no-store");
    assertThat(rows(reader, "2026-03-31").get(0))
        .isEqualTo("1000.00[0.00, 0.00, 1000.00, 0.00, 0.00, 0.00]");
    // other tests' and the ledger's own events move the read model too: ask again with the
    // latest tag until one quiet moment answers 304, with no body
    String tag = first.headers().get("etag");
    Api.Response unchanged = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      Api.Response again = reader.header("If-None-Match", tag).get(ageing + position);
      if (again.status() == 304) {
        unchanged = again;
        break;
      }
      assertThat(again.status()).as(again.text()).isEqualTo(200);
      tag = again.headers().get("etag");
    }
    assertThat(unchanged).as("a 304 while nothing changed").isNotNull();
    assertThat(unchanged.text()).isEmpty();
    assertThat(unchanged.headers().get("etag")).isEqualTo(tag);

    pay(i1, "400.00", "2026-02-20");
    Api.Response changed = reader.header("If-None-Match", tag).get(ageing + position);
    assertThat(changed.status()).as(changed.text()).isEqualTo(200);
    assertThat(changed.headers().get("etag")).isNotEqualTo(tag);
    assertThat(rows(reader, "2026-03-31").get(0))
        .isEqualTo("600.00[0.00, 0.00, 600.00, 0.00, 0.00, 0.00]");
    // a rep asking the same question never gets finance's answer
    assertThat(rows(query("rep2"), "2026-03-31").get(0)).isEqualTo("-");
  }

  @Test
  void bad_ageing_parameters_are_400_naming_the_parameter() {
    Api reader = query("finance1");
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    assertProblem(reader.get("/api/receivables/ageing?buckets=30,30"), 400, "buckets");
    assertProblem(reader.get("/api/receivables/ageing?buckets=60,30"), 400, "buckets");
    assertProblem(reader.get("/api/receivables/ageing?buckets=0,30"), 400, "buckets");
    assertProblem(reader.get("/api/receivables/ageing?buckets=x"), 400, "buckets");
    assertProblem(reader.get("/api/receivables/ageing?asOf=" + tomorrow), 400, "asOf");
    assertProblem(reader.get("/api/receivables/ageing?asOf=31.03.2026"), 400, "asOf");
    assertProblem(reader.get("/api/receivables/ageing?basis=paid"), 400, "basis");
    assertProblem(reader.get("/api/receivables/ageing?groupBy=product"), 400, "groupBy");
    assertThat(
            reader
                .get("/api/receivables/ageing?buckets=15,45&basis=invoice&groupBy=region")
                .status())
        .isEqualTo(200);
  }

  @Test
  void the_inbox_comes_in_pages_that_link_to_the_next_and_refuses_what_it_cannot_read() {
    Api reader = query("finance1");
    long position = 0;
    for (int n = 0; n < 3; n++) {
      // a limit of 100.00 and a deal of 500.00: each win goes on credit hold
      String customer = unique("paged");
      finance1.post("/api/credit-accounts", account(customer, "100.00", 30));
      String dealId = CreditTesting.openDeal(manager, customer, "500.00");
      Api.Response won = manager.post("/api/deals/" + dealId + "/win", CreditTesting.win("500.00"));
      assertThat(won.status()).as(won.text()).isEqualTo(200);
      position = Math.max(position, won.position());
    }
    long wins = position;
    List<String> all =
        CreditTesting.await(
            "three held deals in the inbox",
            () -> inboxDeals(reader, wins),
            deals -> deals.stream().filter(d -> d.startsWith("DEAL_HOLD:")).count() >= 3);
    List<String> paged = new ArrayList<>();
    String next = "/api/credit-inbox?limit=2&minPosition=" + wins;
    for (int pages = 0; next != null; pages++) {
      assertThat(pages).as("pages followed").isLessThan(all.size() + 1);
      Api.Response page = reader.get(next);
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      assertThat(page.json().size()).isLessThanOrEqualTo(2);
      page.json().forEach(i -> paged.add(i.get("kind").asText() + ":" + i.path("dealId").asText()));
      String link = page.headers().get("link");
      next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
      if (next != null) {
        assertThat(link).endsWith("; rel=\"next\"");
        assertThat(next).startsWith("/api/credit-inbox?").contains("limit=2").contains("after=");
      }
    }
    // every item once, in the inbox's order (the shared ledger may add items meanwhile)
    assertThat(paged).doesNotHaveDuplicates().containsSubsequence(all);
    Api.Response held = reader.get("/api/credit-inbox?kind=DEAL_HOLD&limit=1000");
    assertThat(held.json())
        .allSatisfy(i -> assertThat(i.get("kind").asText()).isEqualTo("DEAL_HOLD"));

    assertProblem(reader.get("/api/credit-inbox?kind=HOLD"), 400, "kind");
    assertProblem(reader.get("/api/credit-inbox?limit=0"), 400, "limit");
    assertProblem(reader.get("/api/credit-inbox?limit=1001"), 400, "limit");
    assertProblem(reader.get("/api/credit-inbox?limit=-5"), 400, "limit");
    assertProblem(reader.get("/api/credit-inbox?after=not-a-cursor"), 400, "after");
    assertProblem(reader.get("/api/credit-inbox?customerId=%20"), 400, "customerId");
  }

  private List<String> inboxDeals(Api reader, long minPosition) {
    Api.Response inbox = reader.get("/api/credit-inbox?minPosition=" + minPosition);
    assertThat(inbox.status()).as(inbox.text()).isEqualTo(200);
    List<String> deals = new ArrayList<>();
    inbox.json().forEach(i -> deals.add(i.get("kind").asText() + ":" + i.path("dealId").asText()));
    return deals;
  }

  @Test
  void
      a_held_deal_is_in_the_inbox_until_a_limit_increase_approved_by_a_second_person_releases_it() {
    String customer = unique("held");
    String base = "/api/credit-accounts/" + customer;
    finance1.post("/api/credit-accounts", account(customer, "1000.00", 30));
    String dealId = CreditTesting.openDeal(manager, customer, "1500.00");
    Api.Response won = manager.post("/api/deals/" + dealId + "/win", CreditTesting.win("1500.00"));
    assertThat(won.status()).as(won.text()).isEqualTo(200);

    Api reader = query("finance1");
    List<String> before =
        CreditTesting.await(
            "the held deal in the inbox",
            () -> inboxDeals(reader, won.position()),
            deals -> deals.contains("DEAL_HOLD:" + dealId));
    assertThat(before).contains("DEAL_HOLD:" + dealId);
    JsonNode held = reader.get(base + "?minPosition=" + won.position()).json();
    assertThat(held.get("limit").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(held.get("exposure").decimalValue()).isEqualByComparingTo("0.00");

    Api.Response requested =
        finance1.post(base + "/limit-requests", Map.of("newLimit", "2000.00", "reason", "deal"));
    assertThat(requested.status()).as(requested.text()).isEqualTo(201);
    Instant beforeApproval = Instant.now();
    Api.Response approved =
        finance2.post(
            base + "/limit-requests/" + requested.json().get("requestId").asText() + "/approve",
            Map.of("reason", "ok"));
    assertThat(approved.status()).as(approved.text()).isEqualTo(200);

    CreditTesting.await(
        "the released deal gone from the inbox",
        () -> inboxDeals(reader, approved.position()),
        deals -> !deals.contains("DEAL_HOLD:" + dealId));
    JsonNode now =
        CreditTesting.await(
            "the released deal's exposure",
            () -> reader.get(base + "?minPosition=" + approved.position()).json(),
            a -> a.get("exposure").decimalValue().compareTo(new java.math.BigDecimal("1500")) == 0);
    assertThat(now.get("limit").decimalValue()).isEqualByComparingTo("2000.00");
    assertThat(now.get("available").decimalValue()).isEqualByComparingTo("500.00");
    assertThat(now.get("onHold").asBoolean()).isFalse();

    JsonNode then = reader.get(base + "?asOf=" + beforeApproval).json();
    assertThat(then.get("limit").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(then.get("exposure").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(then.get("available").decimalValue()).isEqualByComparingTo("1000.00");

    // A rep without a deal of this customer gets 404, as for an unknown customer; rep1 (the
    // deal's owner) reads it; the inbox is finance's; a future asOf is refused.
    assertProblem(query("rep2").get(base), 404, null);
    assertProblem(query("finance1").get("/api/credit-accounts/" + unique("nobody")), 404, null);
    assertThat(query("rep1").get(base).status()).isEqualTo(200);
    assertProblem(query("rep1").get("/api/credit-inbox"), 403, null);
    assertProblem(query("rep1").get("/api/credit-warnings"), 403, null);
    assertThat(query("auditor1").get("/api/credit-warnings").status()).isEqualTo(200);
    assertProblem(reader.get(base + "?asOf=" + Instant.now().plusSeconds(3600)), 400, "asOf");
  }
}
