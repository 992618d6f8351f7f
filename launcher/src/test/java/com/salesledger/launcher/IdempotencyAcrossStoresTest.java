package com.salesledger.launcher;

import static com.salesledger.launcher.Problems.assertProblem;
import static com.salesledger.launcher.RefusedCommandsTest.eventCount;
import static com.salesledger.launcher.SharedLedger.command;
import static com.salesledger.launcher.SharedLedger.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency-Key where events and keys may live in two stores (Axon Server and PostgreSQL): a key
 * is never recorded for events that were not stored, and events stored without their key's row are
 * still recognised as that key's.
 */
class IdempotencyAcrossStoresTest {

  @Test
  void a_key_whose_command_was_refused_when_its_events_were_stored_stays_unused() {
    Map<String, Object> existing = TestDeals.dealFor("rep1");
    existing.put("dealId", unique("D"));
    assertThat(command("manager1").post("/api/deals", existing).status()).isEqualTo(201);

    Api keyed = command("manager1").header("Idempotency-Key", unique("key"));
    assertProblem(keyed.post("/api/deals", existing), 409, null);
    Api.Response next = keyed.post("/api/deals", TestDeals.dealFor("rep1"));
    assertThat(next.status())
        .as("the refused request left no key behind: " + next.text())
        .isEqualTo(201);
  }

  // Suite "axon-server": only there are events and keys committed separately (embedded, they
  // share one transaction).
  @Test
  @Tag(TestSuites.AXON_SERVER)
  void events_stored_without_their_key_row_answer_a_repeat_instead_of_applying_it_again() {
    String key = unique("key");
    Api keyed = command("manager1").header("Idempotency-Key", key);
    Map<String, Object> body = TestDeals.dealFor("rep1");
    Api.Response first = keyed.post("/api/deals", body);
    assertThat(first.status()).isEqualTo(201);
    long events = eventCount();
    // As if the process had died after Axon Server committed the events, before PostgreSQL
    // committed the key's row.
    JdbcTemplate jdbc = SharedLedger.get().commandSide().getBean(JdbcTemplate.class);
    assertThat(
            jdbc.update(
                "delete from idempotency_key where username = 'manager1' and idem_key = ?", key))
        .isEqualTo(1);

    Api.Response again = keyed.post("/api/deals", body);
    assertThat(again.status()).as(again.text()).isEqualTo(201);
    assertThat(again.json().get("dealId")).isEqualTo(first.json().get("dealId"));
    assertThat(again.json().get("version")).isEqualTo(first.json().get("version"));
    assertThat(again.position()).isGreaterThanOrEqualTo(first.position());
    assertThat(eventCount()).as("not opened twice").isEqualTo(events);

    assertProblem(keyed.post("/api/deals", TestDeals.dealFor("rep1")), 422, "Idempotency-Key");
    assertThat(eventCount()).isEqualTo(events);
  }
}
