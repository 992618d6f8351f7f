package com.salesledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.common.Period;
import com.salesledger.events.deal.DealWon;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.Projector;
import com.salesledger.query.common.ReadModelDatabase;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The present dashboard from the roll-ups' rows held in memory answers exactly as the database's
 * reading: after every batch of a random history, after a write that was still running when memory
 * was brought up, for a reader whose snapshot is older than what is held, and after a roll-up was
 * swapped or emptied.
 */
class PresentSumsInMemoryTest {

  /**
   * Periods of every kind whose rows are held, each with the year before (2027's is the history's
   * year, so the year before's revenue is compared too).
   */
  private static final List<Period> PERIODS =
      List.of(
          Period.parse("2026"),
          Period.parse("2027"),
          Period.parse("2026-Q2"),
          Period.parse("2026-03"),
          Period.parse("2027-03"));

  private static final List<DataScope> SCOPES =
      List.of(
          DataScope.everything(),
          DataScope.ofTeams(java.util.Set.of(Facts.REP1.team())),
          DataScope.ownedBy(Facts.REP3.rep()),
          DataScope.ownedBy(Facts.REP4.rep()).union(DataScope.ofTeams(java.util.Set.of("north-2"))),
          DataScope.nothing());

  @Property(tries = 10)
  void the_present_dashboard_from_memory_equals_the_database_after_every_batch(
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 10_000) Integer> seeds,
      @ForAll @IntRange(min = 1, max = 7) int batch) {
    List<SalesDashboardPropertyTest.Recorded> events = SalesDashboardPropertyTest.history(seeds);
    ReadModelDatabase db = ReadModelDatabase.emptied();
    PresentSumsInMemory inMemory = new PresentSumsInMemory(db.jdbc());
    long readOnce = -1;
    for (int i = 0; i < events.size(); i += batch) {
      SalesDashboardPropertyTest.project(
          db, events.subList(i, Math.min(events.size(), i + batch)), batch);
      assertSameAsTheDatabase(db, inMemory);
      if (readOnce < 0) {
        readOnce = inMemory.periodsRead();
      }
    }
    // every later batch was brought in from the rows it changed, not by reading periods again
    assertThat(inMemory.periodsRead()).isEqualTo(readOnce);
  }

  @Test
  void a_write_still_running_when_memory_was_brought_up_is_taken_once_it_commits()
      throws Exception {
    ReadModelDatabase db = ReadModelDatabase.emptied();
    PresentSumsInMemory inMemory = new PresentSumsInMemory(db.jdbc());
    win(db.jdbc(), "D1", Facts.REP1, "100.00");
    assertThat(revenue(db, inMemory)).isEqualByComparingTo("100.00");
    try (Connection connection = db.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      win(
          new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
          "D2",
          Facts.REP1,
          "7");
      // a later write commits first, and memory is brought up while the first still runs
      win(db.jdbc(), "D3", Facts.REP4, "20.00"); // another team's rows: not locked by D2
      assertThat(revenue(db, inMemory)).isEqualByComparingTo("120.00");
      connection.commit();
    }
    assertThat(revenue(db, inMemory)).isEqualByComparingTo("127.00");
    assertSameAsTheDatabase(db, inMemory);
  }

  @Test
  void a_reader_whose_snapshot_is_older_than_what_is_held_reads_the_database() {
    ReadModelDatabase db = ReadModelDatabase.emptied();
    PresentSumsInMemory inMemory = new PresentSumsInMemory(db.jdbc());
    win(db.jdbc(), "D1", Facts.REP1, "100.00");
    assertThat(revenue(db, inMemory)).isEqualByComparingTo("100.00");
    // meanwhile, elsewhere: another win, and memory is brought up to it
    db.olderReader(
        () -> {
          win(db.jdbc(), "D2", Facts.REP2, "50.00");
          assertThat(revenue(db, inMemory)).isEqualByComparingTo("150.00");
        },
        () -> {
          assertThat(inMemory.rows(PresentSumsInMemory.Rollup.REP_YEAR, List.of(YEAR))).isEmpty();
          assertThat(revenue(db, inMemory)).isEqualByComparingTo("100.00");
        });
    assertThat(revenue(db, inMemory)).isEqualByComparingTo("150.00");
  }

  @Test
  void a_rollup_swapped_in_or_emptied_is_read_anew() {
    ReadModelDatabase db = ReadModelDatabase.emptied();
    PresentSumsInMemory inMemory = new PresentSumsInMemory(db.jdbc());
    win(db.jdbc(), "D1", Facts.REP1, "100.00");
    win(db.jdbc(), "D2", Facts.REP2, "20.00");
    assertThat(revenue(db, inMemory)).isEqualByComparingTo("120.00");
    long readBefore = inMemory.periodsRead();
    // a copy whose rows keep the transactions that wrote the originals, as a rebuild's may
    db.jdbc()
        .execute(
            "create table sales_rep_year_copy (like sales_rep_year including all);"
                + " insert into sales_rep_year_copy select * from sales_rep_year;"
                + " update sales_rep_year_copy set revenue = 0,"
                + " changed_by = (select min(changed_by) from sales_rep_year)"
                + " where rep = 'rep1'");
    try {
      db.swap("sales_rep_year", "sales_rep_year_copy");
      assertThat(revenue(db, inMemory)).isEqualByComparingTo("20.00");
    } finally {
      db.swap("sales_rep_year", "sales_rep_year_copy"); // the original back
      db.jdbc().execute("drop table sales_rep_year_copy");
    }
    assertThat(revenue(db, inMemory)).isEqualByComparingTo("120.00");
    db.jdbc().execute("truncate sales_rep_year");
    assertThat(revenue(db, inMemory)).isEqualByComparingTo("0.00");
    // each of the three read both years anew: the asked one and the year before
    assertThat(inMemory.periodsRead() - readBefore).isEqualTo(6);
  }

  @Test
  void past_the_most_periods_held_only_those_just_asked_are_kept() {
    ReadModelDatabase db = ReadModelDatabase.emptied();
    PresentSumsInMemory inMemory = new PresentSumsInMemory(db.jdbc());
    win(db.jdbc(), "D1", Facts.REP1, "100.00");
    List<LocalDate> months =
        java.util.stream.IntStream.range(0, PresentSumsInMemory.MAX_PERIODS)
            .mapToObj(m -> LocalDate.parse("2020-01-01").plusMonths(m))
            .toList();
    inMemory.rows(PresentSumsInMemory.Rollup.REP_MONTH, months).orElseThrow();
    assertThat(inMemory.periodsRead()).isEqualTo(PresentSumsInMemory.MAX_PERIODS);
    inMemory.rows(PresentSumsInMemory.Rollup.REP_MONTH, months.subList(0, 1)).orElseThrow();
    assertThat(inMemory.periodsRead()).isEqualTo(PresentSumsInMemory.MAX_PERIODS);
    List<LocalDate> asked = List.of(LocalDate.parse("2026-03-01"), months.get(1));
    assertThat(inMemory.rows(PresentSumsInMemory.Rollup.REP_MONTH, asked).orElseThrow())
        .extracting(PresentSumsInMemory.Row::rep)
        .containsExactly("rep1");
    assertThat(inMemory.periodsRead()).isEqualTo(PresentSumsInMemory.MAX_PERIODS + 1);
    // the others were let go: asking the first month again reads it again
    inMemory.rows(PresentSumsInMemory.Rollup.REP_MONTH, months.subList(0, 1)).orElseThrow();
    assertThat(inMemory.periodsRead()).isEqualTo(PresentSumsInMemory.MAX_PERIODS + 2);
  }

  private static final LocalDate YEAR = LocalDate.parse("2026-01-01");

  private static void win(JdbcTemplate jdbc, String deal, Facts.Seat seat, String amount) {
    LocalDate close = LocalDate.parse("2026-03-10");
    DealWon won =
        Facts.won(deal, "C-" + deal, seat, "L1", amount, "1.00", close.minusDays(3), close);
    new Projector(new SalesProjection(jdbc)).handle(deal, won);
  }

  /** The year 2026's booked revenue of everyone, from memory. */
  private static java.math.BigDecimal revenue(ReadModelDatabase db, PresentSumsInMemory inMemory) {
    return fromMemory(db, inMemory)
        .compute(Period.parse("2026"), GroupBy.REP, DataScope.everything())
        .total()
        .bookedRevenue();
  }

  private static JdbcSalesDashboard fromMemory(ReadModelDatabase db, PresentSumsInMemory memory) {
    return new JdbcSalesDashboard(
        db.jdbc(), new Facts.FakeTargets(), Clock.systemUTC(), ZoneOffset.UTC, memory);
  }

  /** Every period, grouping and kind of caller, from memory and from the database. */
  private static void assertSameAsTheDatabase(ReadModelDatabase db, PresentSumsInMemory memory) {
    JdbcSalesDashboard fromMemory = fromMemory(db, memory);
    JdbcSalesDashboard fromDatabase = SalesDashboardPropertyTest.dashboard(db);
    for (Period period : PERIODS) {
      for (GroupBy groupBy : GroupBy.values()) {
        for (DataScope scope : SCOPES) {
          assertThat(fromMemory.compute(period, groupBy, scope))
              .as("%s by %s for %s", period, groupBy, scope.describe())
              .isEqualTo(fromDatabase.compute(period, groupBy, scope));
        }
      }
    }
  }
}
