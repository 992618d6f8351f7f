package com.salesledger.launcher;

import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** Every stored event says who did it, why, and which request it belongs to. */
class EventMetadataTest {

  @Test
  void events_carry_the_logged_in_user_the_reason_and_the_correlation_id() throws Exception {
    String dealId = unique("D");
    String correlation = unique("corr");
    Api manager = command("manager1").header("X-Correlation-Id", correlation);
    Map<String, Object> deal =
        Map.of(
            "dealId", dealId,
            "customerId", unique("cust"),
            "ownerRep", "rep1",
            "team", "north-1",
            "region", "north",
            "productLine", "software",
            "amount", "10.00",
            "expectedCloseDate", "2025-06-30",
            "openedOn", "2025-01-15");
    assertThat(manager.post("/api/deals", deal).status()).isEqualTo(201);
    // A body that tries to name the user is refused outright (unknown property), not ignored.
    Api.Response forged =
        manager.post(
            "/api/deals/" + dealId + "/reassign",
            Map.of(
                "ownerRep",
                "rep2",
                "team",
                "north-1",
                "reason",
                "rep1 moved to key accounts",
                "user",
                "forged"));
    Problems.assertProblem(forged, 400, "user");
    Api.Response reassigned =
        manager.post(
            "/api/deals/" + dealId + "/reassign",
            Map.of("ownerRep", "rep2", "team", "north-1", "reason", "rep1 moved to key accounts"));
    assertThat(reassigned.status()).as(reassigned.text()).isEqualTo(200);

    DomainEventMessage<?> event = StoredEvents.of(SharedLedger.get(), dealId).get(1);
    assertThat(event.getSequenceNumber()).isEqualTo(1);
    MetaData meta = event.getMetaData();
    assertThat(meta.get("user")).isEqualTo("manager1");
    assertThat(meta.get("roles")).isEqualTo("MANAGER");
    assertThat(meta.get("reason")).isEqualTo("rep1 moved to key accounts");
    assertThat(meta.get("correlationId")).isEqualTo(correlation);
    assertThat((String) meta.get("causationId")).as("the command's message id").isNotBlank();
    assertThat(event.getPayloadType().getName())
        .isEqualTo("com.salesledger.events.deal.DealReassigned");
  }

  /** With events and keys in two stores (Axon Server), the events are where a lost key is found. */
  @Test
  void events_carry_the_idempotency_key_and_request_hash() {
    String key = unique("key");
    Api.Response opened =
        command("manager1")
            .header("Idempotency-Key", key)
            .post("/api/deals", TestDeals.dealFor("rep1"));
    assertThat(opened.status()).isEqualTo(201);
    MetaData meta =
        StoredEvents.of(SharedLedger.get(), opened.json().get("dealId").asText())
            .get(0)
            .getMetaData();
    assertThat(meta.get("idempotencyKey")).isEqualTo(key);
    assertThat((String) meta.get("requestHash")).hasSize(64);
  }
}
