package com.salesledger.launcher;

import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.unique;
import static com.salesledger.launcher.TestDeals.dealFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * The deal and invoice histories the HTTP tests keep needing, sent as commands by the users who may
 * send them; each step asserts it was accepted, so a test starts from a known history.
 */
final class Histories {

  private Histories() {}

  /** A record the history made, and the event position a query can wait for. */
  record Made(String id, long position) {}

  /** An open deal of {@code rep}'s (opened 2025-01-15), opened by the rep. */
  static Made openDeal(String rep) {
    Api.Response opened = command(rep).post("/api/deals", dealFor(rep));
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    return new Made(opened.json().get("dealId").asText(), opened.position());
  }

  /** A deal of {@code rep}'s won on 2025-02-01 for 100.00 at a cost of 10.00. */
  static Made wonDeal(String rep) {
    String dealId = openDeal(rep).id();
    Api.Response won =
        command(rep)
            .post(
                "/api/deals/" + dealId + "/win",
                Map.of("finalAmount", "100.00", "cost", "10.00", "closeDate", "2025-02-01"));
    assertThat(won.status()).as(won.text()).isEqualTo(200);
    return new Made(dealId, won.position());
  }

  /** The body of {@code POST /api/invoices}. */
  static Map<String, Object> invoice(
      String invoiceId, String dealId, String amount, String issueDate) {
    return Map.of(
        "invoiceId", invoiceId, "dealId", dealId, "amount", amount, "issueDate", issueDate);
  }

  /** A won deal of {@code rep}'s with an invoice of 60.00 issued on 2025-02-10 by finance. */
  static Made invoicedDeal(String rep) {
    String dealId = wonDeal(rep).id();
    String invoiceId = unique("INV");
    Api.Response issued =
        command("finance1")
            .post("/api/invoices", invoice(invoiceId, dealId, "60.00", "2025-02-10"));
    assertThat(issued.status()).as(issued.text()).isEqualTo(201);
    return new Made(invoiceId, issued.position());
  }
}
