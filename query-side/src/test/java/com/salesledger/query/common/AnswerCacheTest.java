package com.salesledger.query.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesledger.platform.security.DataScope;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class AnswerCacheTest {

  private static final String PROCESSOR = "invoices";
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final AnswerCache.Question FINANCE_AGEING =
      new AnswerCache.Question("ageing", "customer", DataScope.everything(), TODAY);

  private JdbcTemplate jdbc;
  private final AtomicInteger computed = new AtomicInteger();

  @BeforeEach
  void tokens() {
    jdbc = ReadModelDatabase.emptied().jdbc();
    // the event store's token table (db/eventstore), which the read-model schema does not hold
    jdbc.execute(
        "create table if not exists token_entry (processor_name varchar(255) not null,"
            + " segment integer not null, token bytea, token_type varchar(255),"
            + " timestamp varchar(255), owner varchar(255), primary key (processor_name, segment))");
    jdbc.update("delete from token_entry");
    for (int segment = 0; segment < 2; segment++) {
      jdbc.update(
          "insert into token_entry (processor_name, segment, token) values (?, ?, ?)",
          PROCESSOR,
          segment,
          "{\"index\":100}".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void a_question_asked_again_while_nothing_has_changed_is_not_computed_again() {
    AnswerCache cache = cache("32MB");

    ResponseEntity<byte[]> first = ask(cache, FINANCE_AGEING, new MockHttpServletRequest());
    ResponseEntity<byte[]> second = ask(cache, FINANCE_AGEING, new MockHttpServletRequest());

    assertThat(computed).hasValue(1);
    assertThat(second.getBody()).isEqualTo(first.getBody());
    assertThat(second.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
    assertThat(body(second)).isEqualTo("{\"computation\":1}");
  }

  @Test
  void an_answer_is_computed_again_once_a_processor_has_moved() {
    AnswerCache cache = cache("32MB");
    ResponseEntity<byte[]> before = ask(cache, FINANCE_AGEING, new MockHttpServletRequest());

    moveSegment(1);
    ResponseEntity<byte[]> after = ask(cache, FINANCE_AGEING, new MockHttpServletRequest());

    assertThat(computed).hasValue(2);
    assertThat(body(after)).isEqualTo("{\"computation\":2}");
    assertThat(after.getHeaders().getETag()).isNotEqualTo(before.getHeaders().getETag());
  }

  @Test
  void an_answer_is_computed_again_once_the_read_model_generation_is_raised() {
    AnswerCache cache = cache("32MB");
    ask(cache, FINANCE_AGEING, new MockHttpServletRequest());

    new ReadModelGeneration(jdbc).raise();
    ask(cache, FINANCE_AGEING, new MockHttpServletRequest());

    assertThat(computed).hasValue(2);
  }

  @Test
  void an_answer_computed_while_a_processor_moves_is_kept_under_the_state_it_read() {
    AnswerCache cache = cache("32MB");
    // a batch commits while the answer is being computed: the answer reflects the state read at
    // the start of its snapshot, and must not be given again for the new one
    ask(cache, FINANCE_AGEING, new MockHttpServletRequest(), () -> moveSegment(0));
    ask(cache, FINANCE_AGEING, new MockHttpServletRequest());

    assertThat(computed).hasValue(2);
  }

  @Test
  void callers_of_different_scopes_never_share_an_answer() {
    AnswerCache cache = cache("32MB");
    AnswerCache.Question manager =
        new AnswerCache.Question("ageing", "customer", DataScope.ofTeams(Set.of("T1")), TODAY);
    AnswerCache.Question rep =
        new AnswerCache.Question("ageing", "customer", DataScope.ownedBy("T1"), TODAY);

    ask(cache, FINANCE_AGEING, new MockHttpServletRequest());
    ResponseEntity<byte[]> managers = ask(cache, manager, new MockHttpServletRequest());
    ResponseEntity<byte[]> reps = ask(cache, rep, new MockHttpServletRequest());

    assertThat(computed).hasValue(3);
    assertThat(body(managers)).isEqualTo("{\"computation\":2}");
    assertThat(body(reps)).isEqualTo("{\"computation\":3}");
  }

  @Test
  void a_new_day_computes_the_present_answer_again() {
    AnswerCache cache = cache("32MB");
    ask(cache, FINANCE_AGEING, new MockHttpServletRequest());

    ask(
        cache,
        new AnswerCache.Question("ageing", "customer", DataScope.everything(), TODAY.plusDays(1)),
        new MockHttpServletRequest());

    assertThat(computed).hasValue(2);
  }

  @Test
  void a_client_holding_the_current_tag_is_told_nothing_changed_until_something_does() {
    AnswerCache cache = cache("32MB");
    String tag = ask(cache, FINANCE_AGEING, new MockHttpServletRequest()).getHeaders().getETag();

    MockHttpServletRequest conditional = new MockHttpServletRequest();
    conditional.addHeader("If-None-Match", tag);
    ResponseEntity<byte[]> unchanged = ask(cache, FINANCE_AGEING, conditional);
    assertThat(unchanged.getStatusCode().value()).isEqualTo(304);
    assertThat(unchanged.getBody()).isNull();

    moveSegment(0);
    ResponseEntity<byte[]> changed = ask(cache, FINANCE_AGEING, conditional);
    assertThat(changed.getStatusCode().value()).isEqualTo(200);
    assertThat(body(changed)).isEqualTo("{\"computation\":2}");
  }

  @Test
  void no_cache_on_the_request_computes_the_answer_again() {
    AnswerCache cache = cache("32MB");
    ask(cache, FINANCE_AGEING, new MockHttpServletRequest());

    MockHttpServletRequest fresh = new MockHttpServletRequest();
    fresh.addHeader("Cache-Control", "no-cache");
    ask(cache, FINANCE_AGEING, fresh);

    assertThat(computed).hasValue(2);
  }

  @Test
  void an_answer_is_computed_in_one_read_only_snapshot_with_plans_for_the_values_asked() {
    List<String> whileComputing = new java.util.ArrayList<>();
    ask(
        cache("32MB"),
        FINANCE_AGEING,
        new MockHttpServletRequest(),
        () -> {
          whileComputing.add(jdbc.queryForObject("show plan_cache_mode", String.class));
          whileComputing.add(jdbc.queryForObject("show transaction_isolation", String.class));
          whileComputing.add(jdbc.queryForObject("show transaction_read_only", String.class));
        });

    assertThat(whileComputing).containsExactly("force_custom_plan", "repeatable read", "on");
    // local settings: they end with the answer's transaction, nothing else runs with them
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
    assertThat(jdbc.queryForObject("show transaction_isolation", String.class))
        .isEqualTo("read committed");
  }

  @Test
  void an_answer_is_kept_under_the_generation_even_before_any_processor_has_a_token() {
    jdbc.update("delete from token_entry");
    AnswerCache cache = cache("32MB");
    ask(cache, FINANCE_AGEING, new MockHttpServletRequest());
    ask(cache, FINANCE_AGEING, new MockHttpServletRequest());
    assertThat(computed).hasValue(1);

    new ReadModelGeneration(jdbc).raise();
    ask(cache, FINANCE_AGEING, new MockHttpServletRequest());
    assertThat(computed).hasValue(2);
  }

  @Test
  void a_cache_of_size_zero_keeps_nothing() {
    AnswerCache cache = cache("0");
    ask(cache, FINANCE_AGEING, new MockHttpServletRequest());
    ask(cache, FINANCE_AGEING, new MockHttpServletRequest());

    assertThat(computed).hasValue(2);
  }

  private AnswerCache cache(String size) {
    return new AnswerCache(
        jdbc,
        new ObjectMapper(),
        new DataSourceTransactionManager(jdbc.getDataSource()),
        DataSize.parse(size));
  }

  private ResponseEntity<byte[]> ask(
      AnswerCache cache, AnswerCache.Question question, MockHttpServletRequest request) {
    return ask(cache, question, request, () -> {});
  }

  private ResponseEntity<byte[]> ask(
      AnswerCache cache,
      AnswerCache.Question question,
      MockHttpServletRequest request,
      Runnable whileComputing) {
    Supplier<Map<String, Integer>> compute =
        () -> {
          whileComputing.run();
          return Map.of("computation", computed.incrementAndGet());
        };
    return cache.answer(question, List.of(PROCESSOR), 100, request, compute);
  }

  /**
   * A batch of the processor's segment committed, on a connection of its own (as a processor's
   * thread would, also while an answer's snapshot is open).
   */
  private void moveSegment(int segment) {
    try (Connection own = jdbc.getDataSource().getConnection();
        PreparedStatement update =
            own.prepareStatement(
                "update token_entry set token = ? where processor_name = ? and segment = ?")) {
      update.setBytes(
          1, ("{\"index\":" + System.nanoTime() + "}").getBytes(StandardCharsets.UTF_8));
      update.setString(2, PROCESSOR);
      update.setInt(3, segment);
      assertThat(update.executeUpdate()).isEqualTo(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(ResponseEntity<byte[]> answer) {
    return new String(answer.getBody(), StandardCharsets.UTF_8);
  }
}
