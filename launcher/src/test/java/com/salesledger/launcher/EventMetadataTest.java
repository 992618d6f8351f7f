package com.salesledger.launcher;

import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

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
                "north-2",
                "reason",
                "rep1 moved to key accounts",
                "user",
                "forged"));
    RefusedCommandsTest.assertProblem(forged, 400, "user");
    Api.Response reassigned =
        manager.post(
            "/api/deals/" + dealId + "/reassign",
            Map.of("ownerRep", "rep2", "team", "north-2", "reason", "rep1 moved to key accounts"));
    assertThat(reassigned.status()).as(reassigned.text()).isEqualTo(200);

    JdbcTemplate jdbc = SharedLedger.get().commandSide().getBean(JdbcTemplate.class);
    byte[] metaData =
        jdbc.queryForObject(
            "select meta_data from domain_event_entry where aggregate_identifier = ? and sequence_number = 1",
            byte[].class,
            dealId);
    JsonNode meta = Api.JSON.readTree(metaData);
    assertThat(meta.get("user").asText()).isEqualTo("manager1");
    assertThat(meta.get("roles").asText()).isEqualTo("MANAGER");
    assertThat(meta.get("reason").asText()).isEqualTo("rep1 moved to key accounts");
    assertThat(meta.get("correlationId").asText()).isEqualTo(correlation);
    assertThat(meta.get("causationId").asText()).as("the command's message id").isNotBlank();
    String payloadType =
        jdbc.queryForObject(
            "select payload_type from domain_event_entry where aggregate_identifier = ? and sequence_number = 1",
            String.class,
            dealId);
    assertThat(payloadType).isEqualTo("com.salesledger.events.deal.DealReassigned");
  }
}
