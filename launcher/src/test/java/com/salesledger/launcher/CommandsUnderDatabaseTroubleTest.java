package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A command whose events the database refuses for a reason of its own at that moment: a deadlock
 * (the command lost a race inside PostgreSQL) is sent again and applied once; a shortage (here too
 * many connections) is answered 503 with Retry-After and stores nothing. Both were answered 500
 * ("failed to handle this request") with a stack trace in the log. A trigger on the event table
 * raises the failure for one deal id.
 */
// Suite "jdbc-event-store": the trigger sits on the JDBC event table, which Axon Server leaves
// empty.
@Tag(TestSuites.JDBC_EVENT_STORE)
class CommandsUnderDatabaseTroubleTest {

  private JdbcTemplate jdbc;

  @BeforeEach
  void failEventsOfMarkedDeals() {
    jdbc = SharedLedger.get().commandSide().getBean(JdbcTemplate.class);
    jdbc.execute(
        "create table trouble_for (aggregate_id text primary key, sqlstate text, times int)");
    // a sequence counts the failures raised: unlike a row, it is not rolled back with them
    jdbc.execute("create sequence trouble_raised");
    jdbc.execute(
        "create function trouble() returns trigger language plpgsql as $$"
            + " declare t trouble_for%rowtype; begin"
            + " select * into t from trouble_for where aggregate_id = new.aggregate_identifier;"
            + " if found and nextval('trouble_raised') <= t.times then"
            + " raise exception 'simulated %', t.sqlstate using errcode = t.sqlstate; end if;"
            + " return new; end $$");
    jdbc.execute(
        "create trigger trouble before insert on domain_event_entry"
            + " for each row execute function trouble()");
  }

  @AfterEach
  void removeTheTrouble() {
    jdbc.execute("drop trigger trouble on domain_event_entry");
    jdbc.execute("drop function trouble()");
    jdbc.execute("drop table trouble_for");
    jdbc.execute("drop sequence trouble_raised");
  }

  /** Opens a deal whose first event meets {@code sqlState} up to {@code times} times. */
  private Api.Response openDealMeeting(String dealId, String sqlState, int times) {
    jdbc.update("insert into trouble_for values (?, ?, ?)", dealId, sqlState, times);
    Map<String, Object> deal = TestDeals.dealFor("rep1");
    deal.put("dealId", dealId);
    return SharedLedger.command("rep1").post("/api/deals", deal);
  }

  private long storedEvents(String dealId) {
    return jdbc.queryForObject(
        "select count(*) from domain_event_entry where aggregate_identifier = ?",
        Long.class,
        dealId);
  }

  @Test
  void a_command_that_loses_a_deadlock_is_sent_again_and_applied_once() {
    String dealId = SharedLedger.unique("D-deadlock");
    Api.Response opened = openDealMeeting(dealId, "40P01", 1);
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    assertThat(storedEvents(dealId)).isEqualTo(1);
  }

  @Test
  void a_database_short_of_connections_answers_503_with_retry_after_and_stores_nothing() {
    String dealId = SharedLedger.unique("D-busy");
    Api.Response refused = openDealMeeting(dealId, "53300", 100);
    assertThat(refused.status()).as(refused.text()).isEqualTo(503);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.headers()).containsKey("retry-after");
    assertThat(storedEvents(dealId)).isZero();
  }
}
