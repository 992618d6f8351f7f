package com.salesledger.launcher;

import static com.salesledger.launcher.CreditTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's write that fails because of the database at that moment (here a deadlock, raised
 * by a trigger while a switch is on) is not parked as a poison event: the batch is tried again
 * until the database is well, and then the event is in the read model. Parked, it would be missing
 * from every figure until an operator retried it (so it was before: the test then finds it parked).
 */
class TransientProjectionFailureTest {

  @Test
  void a_deadlock_in_a_projection_is_tried_again_not_parked() {
    Ledger ledger = SharedLedger.get();
    JdbcTemplate jdbc = ledger.querySide().getBean(JdbcTemplate.class);
    String customer = SharedLedger.unique("transient");
    jdbc.execute("create sequence transient_failure_raises");
    jdbc.execute("create table transient_failure_on (customer_id text primary key)");
    jdbc.execute(
        "create function transient_failure() returns trigger language plpgsql as $$ begin"
            + " if exists (select 1 from transient_failure_on where customer_id = new.customer_id)"
            + " then perform nextval('transient_failure_raises');"
            + " raise exception 'simulated deadlock' using errcode = '40P01'; end if;"
            + " return new; end $$");
    jdbc.execute(
        "create trigger transient_failure before insert or update on deal_view"
            + " for each row execute function transient_failure()");
    try {
      jdbc.update("insert into transient_failure_on values (?)", customer);
      Map<String, Object> deal = TestDeals.dealFor("rep1");
      deal.put("customerId", customer);
      Api.Response opened = SharedLedger.command("rep1").post("/api/deals", deal);
      assertThat(opened.status()).as(opened.text()).isEqualTo(201);
      String dealId = opened.json().get("dealId").asText();

      // the batch failed at its commit, then event by event (where a poison event is parked):
      // tried again a third time, or parked after the second
      await(
          "the projection to meet the failure three times, or to park the event",
          () -> jdbc.queryForObject("select last_value from transient_failure_raises", Long.class),
          raises -> raises >= 3 || parkedDeals().contains(dealId));
      assertThat(parkedDeals()).as("parked events of the deals projection").doesNotContain(dealId);

      jdbc.update("delete from transient_failure_on");
      Api.Response seen =
          await(
              "the deal in the read model once the database is well",
              () ->
                  SharedLedger.query("admin")
                      .get("/api/deals/" + dealId + "?minPosition=" + opened.position()),
              answer -> answer.status() != 503);
      assertThat(seen.status()).as(seen.text()).isEqualTo(200);
      assertThat(seen.json().get("customerId").asText()).isEqualTo(customer);
      assertThat(parkedDeals()).doesNotContain(dealId);
    } finally {
      jdbc.execute("drop trigger transient_failure on deal_view");
      jdbc.execute("drop function transient_failure()");
      jdbc.execute("drop table transient_failure_on");
      jdbc.execute("drop sequence transient_failure_raises");
    }
  }

  /** The aggregates of the deals projection's parked events. */
  private static List<String> parkedDeals() {
    JsonNode deals =
        SharedLedger.query("admin").get("/api/admin/dead-letters").json().at("/processors/deals");
    List<String> ids = new ArrayList<>();
    if (!deals.isMissingNode()) {
      deals.get("deadLetters").forEach(letter -> ids.add(letter.get("aggregateId").asText()));
    }
    return ids;
  }
}
