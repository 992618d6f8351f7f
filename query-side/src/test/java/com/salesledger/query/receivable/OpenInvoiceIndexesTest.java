package com.salesledger.query.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.Projector;
import com.salesledger.query.common.ReadModelDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class OpenInvoiceIndexesTest {

  @Test
  void the_open_invoice_indexes_are_rebuilt_and_the_ageing_answers_the_same() {
    JdbcTemplate jdbc = ReadModelDatabase.emptied().jdbc();
    WorkedExample.feed(new Projector(new InvoiceProjection(jdbc)));
    JdbcReceivables receivables =
        new JdbcReceivables(jdbc, Clock.systemUTC(), new OpenInvoicesInMemory(jdbc));
    AgeingReport before = ageingOn(receivables, "2026-03-31");
    List<Long> filesBefore = files(jdbc);

    assertThat(new OpenInvoiceIndexes(jdbc).rebuild()).isTrue();

    // a rebuilt index is a new file; the answers read through it do not change
    assertThat(files(jdbc)).doesNotContainAnyElementsOf(filesBefore);
    assertThat(ageingOn(receivables, "2026-03-31")).isEqualTo(before);
    assertThat(ageingOn(receivables, LocalDate.now().toString()).total())
        .isEqualTo(
            ageingOn(JdbcReceivables.readingMovements(jdbc), LocalDate.now().toString()).total());
  }

  @Test
  void an_instance_skips_the_rebuild_while_another_one_runs_it() throws Exception {
    JdbcTemplate jdbc = ReadModelDatabase.emptied().jdbc();
    List<Long> filesBefore = files(jdbc);
    try (Connection other = jdbc.getDataSource().getConnection();
        Statement lock = other.createStatement()) {
      lock.execute("select pg_advisory_lock(" + OpenInvoiceIndexes.LOCK + ")");

      assertThat(new OpenInvoiceIndexes(jdbc).rebuild()).isFalse();
      assertThat(files(jdbc)).isEqualTo(filesBefore);

      lock.execute("select pg_advisory_unlock(" + OpenInvoiceIndexes.LOCK + ")");
    }
    assertThat(new OpenInvoiceIndexes(jdbc).rebuild()).isTrue();
  }

  @Test
  void the_copy_an_interrupted_rebuild_left_behind_is_dropped() {
    JdbcTemplate jdbc = ReadModelDatabase.emptied().jdbc();
    // what an interrupted REINDEX CONCURRENTLY leaves: an invalid index named after the original
    jdbc.execute(
        "create index invoice_view_open_by_customer_ccnew on invoice_view (customer_id)"
            + " where open_amount <> 0");
    jdbc.execute(
        "update pg_index set indisvalid = false where indexrelid ="
            + " 'invoice_view_open_by_customer_ccnew'::regclass");

    assertThat(new OpenInvoiceIndexes(jdbc).rebuild()).isTrue();

    assertThat(
            jdbc.queryForObject(
                "select count(*) from pg_class where relname like 'invoice_view_open_by_customer%'",
                Integer.class))
        .isEqualTo(1);
  }

  private static AgeingReport ageingOn(JdbcReceivables receivables, String day) {
    return receivables.ageing(
        LocalDate.parse(day),
        ReceivableGroupBy.CUSTOMER,
        AgeingBuckets.DEFAULT,
        AgeingBasis.DUE,
        DataScope.everything());
  }

  private static List<Long> files(JdbcTemplate jdbc) {
    return OpenInvoiceIndexes.INDEXES.stream()
        .map(
            index ->
                jdbc.queryForObject(
                    "select relfilenode::bigint from pg_class where relname = ?",
                    Long.class,
                    index))
        .toList();
  }
}
