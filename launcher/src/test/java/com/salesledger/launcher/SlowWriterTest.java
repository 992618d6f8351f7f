package com.salesledger.launcher;

import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.query;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An event whose transaction commits after later events (a slow writer leaves a gap in the global
 * index meanwhile) still reaches the projections: the gap is waited for, not skipped.
 */
class SlowWriterTest {

  // Suite "jdbc-event-store": with events in Axon Server, which numbers events as they commit,
  // no writer leaves a gap.
  @Test
  @Tag(TestSuites.JDBC_EVENT_STORE)
  void an_event_committed_after_later_events_still_reaches_the_read_model() throws Exception {
    DataSource dataSource = SharedLedger.get().commandSide().getBean(DataSource.class);
    String slowDeal = unique("D-slow");
    long slowPosition;
    try (Connection slow = dataSource.getConnection()) {
      slow.setAutoCommit(false);
      slowPosition = appendDealOpened(slow, slowDeal);

      // Meanwhile an ordinary command commits with a higher position and is projected.
      Api.Response fast = command("manager1").post("/api/deals", TestDeals.dealFor("rep1"));
      assertThat(fast.position()).isGreaterThan(slowPosition);
      String fastDeal = fast.json().get("dealId").asText();
      assertThat(
              query("manager1")
                  .get("/api/deals/" + fastDeal + "?minPosition=" + fast.position())
                  .status())
          .isEqualTo(200);
      Thread.sleep(1500);
      slow.commit();
    }
    Api.Response seen =
        query("manager1").get("/api/deals/" + slowDeal + "?minPosition=" + slowPosition);
    assertThat(seen.status()).as(seen.text()).isEqualTo(200);
    assertThat(seen.json().get("customerId").asText()).isEqualTo("C-slow");
    assertThat(seen.json().get("updatedAtPosition").asLong()).isGreaterThanOrEqualTo(slowPosition);
  }

  private static long appendDealOpened(Connection connection, String dealId) throws Exception {
    String payload =
        Api.JSON.writeValueAsString(
            Map.ofEntries(
                Map.entry("dealId", dealId),
                Map.entry("customerId", "C-slow"),
                Map.entry("ownerRep", "rep1"),
                Map.entry("team", "north-1"),
                Map.entry("region", "north"),
                Map.entry("productLine", "software"),
                Map.entry("amount", 10.00),
                Map.entry("currency", "EUR"),
                Map.entry("expectedCloseDate", "2025-06-30"),
                Map.entry("openedOn", "2025-01-15"),
                Map.entry("stage", "LEAD")));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into domain_event_entry (aggregate_identifier, sequence_number, type,"
                + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                + " values (?, 0, 'Deal', ?, ?, ?, null, 'com.salesledger.events.deal.DealOpened', ?)"
                + " returning global_index")) {
      insert.setString(1, dealId);
      insert.setString(2, UUID.randomUUID().toString());
      insert.setBytes(3, "{\"user\":\"slow-writer\"}".getBytes(StandardCharsets.UTF_8));
      insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
      insert.setString(5, Instant.now().toString());
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
