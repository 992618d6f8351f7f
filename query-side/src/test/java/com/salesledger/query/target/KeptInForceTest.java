package com.salesledger.query.target;

import static com.salesledger.query.target.TargetProjectionTest.COMPANY;
import static com.salesledger.query.target.TargetProjectionTest.YEAR;
import static com.salesledger.query.target.TargetProjectionTest.money;
import static com.salesledger.query.target.TargetProjectionTest.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.TargetIds;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetRevised;
import com.salesledger.events.target.TargetScope;
import com.salesledger.platform.security.DataScope;
import com.salesledger.query.common.Projector;
import com.salesledger.query.common.ReadModelDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The targets in force are given again from what was kept only while that is what the tables hold
 * for the reader: not after a target row was written, not for an instant before something in the
 * tables is dated, not to a reader whose snapshot is older, not after a swap or an emptying.
 */
class KeptInForceTest {

  private static final Instant SET = Instant.parse("2026-01-10T09:00:00Z");
  private static final Instant LATER = Instant.parse("2026-06-01T00:00:00Z");
  private static final LocalDate MAY = LocalDate.parse("2026-05-15");

  private ReadModelDatabase db;
  private Projector projector;
  private JdbcTargetFigures figures;

  @BeforeEach
  void setUp() {
    db = ReadModelDatabase.emptied();
    projector = new Projector(new TargetProjection(db.jdbc()));
    figures = new JdbcTargetFigures(db.jdbc());
    projector
        .at(SET)
        .handle(
            TargetIds.stream(COMPANY), set(COMPANY, TargetScope.company(), YEAR, "1000.00", null));
  }

  @Test
  void an_answer_is_given_again_while_no_target_row_changed() {
    assertThat(company(LATER)).isEqualByComparingTo("1000.00");
    assertThat(company(LATER.plusSeconds(60))).isEqualByComparingTo("1000.00");
    assertThat(figures.answersGivenAgain()).isEqualTo(1);
  }

  @Test
  void a_revision_recorded_since_is_read_and_not_the_kept_answer() {
    assertThat(company(LATER)).isEqualByComparingTo("1000.00");
    projector
        .at(LATER.plusSeconds(10))
        .handle(TargetIds.stream(COMPANY), revised("1000.00", "1050.00"));
    assertThat(company(LATER.plusSeconds(60))).isEqualByComparingTo("1050.00");
    assertThat(figures.answersGivenAgain()).isZero();
    // asked again for an instant before the revision: read, not the answer kept after it
    assertThat(company(LATER)).isEqualByComparingTo("1000.00");
    assertThat(figures.answersGivenAgain()).isZero();
  }

  @Test
  void an_answer_for_an_instant_before_something_in_the_tables_is_not_kept() {
    // a revision dated after the first question's instant (a clock ahead elsewhere)
    projector
        .at(LATER.plusSeconds(3600))
        .handle(TargetIds.stream(COMPANY), revised("1000.00", "1080.00"));
    assertThat(company(LATER)).isEqualByComparingTo("1000.00");
    assertThat(company(LATER.plusSeconds(7200))).isEqualByComparingTo("1080.00");
    assertThat(company(LATER.plusSeconds(1800))).isEqualByComparingTo("1000.00");
    assertThat(company(LATER.plusSeconds(9000))).isEqualByComparingTo("1080.00");
    assertThat(figures.answersGivenAgain()).isEqualTo(1); // only the last: after everything
  }

  @Test
  void a_reader_whose_snapshot_is_older_than_the_kept_answer_reads_the_tables() {
    // meanwhile, elsewhere: a revision, and an answer kept after it
    db.olderReader(
        () -> {
          projector
              .at(LATER.plusSeconds(10))
              .handle(TargetIds.stream(COMPANY), revised("1000.00", "1050.00"));
          assertThat(company(LATER.plusSeconds(60))).isEqualByComparingTo("1050.00");
        },
        () -> {
          assertThat(company(LATER.plusSeconds(60))).isEqualByComparingTo("1000.00");
        });
    assertThat(figures.answersGivenAgain()).isZero();
    // the older reader's answer was kept last: found out of date (the revision was written
    // since its snapshot), read again, and that one given after
    assertThat(company(LATER.plusSeconds(60))).isEqualByComparingTo("1050.00");
    assertThat(figures.answersGivenAgain()).isZero();
    assertThat(company(LATER.plusSeconds(60))).isEqualByComparingTo("1050.00");
    assertThat(figures.answersGivenAgain()).isEqualTo(1);
  }

  @Test
  void tables_swapped_in_or_emptied_are_read_anew() {
    assertThat(company(LATER)).isEqualByComparingTo("1000.00");
    // a copy whose rows keep the transactions that wrote the originals, as a rebuild's may
    db.jdbc()
        .execute(
            "create table target_view_copy (like target_view including all);"
                + " insert into target_view_copy select * from target_view;"
                + " update target_view_copy set settled_amount = 900");
    try {
      db.swap("target_view", "target_view_copy");
      assertThat(company(LATER)).isEqualByComparingTo("900.00");
    } finally {
      db.swap("target_view", "target_view_copy");
      db.jdbc().execute("drop table target_view_copy");
    }
    assertThat(company(LATER)).isEqualByComparingTo("1000.00");
    db.jdbc().execute("truncate target_view");
    assertThat(company(LATER)).isNull();
    assertThat(figures.answersGivenAgain()).isZero();
  }

  private BigDecimal company(Instant asOf) {
    Map<String, BigDecimal> amounts =
        figures.amountsInForce(
            ScopeLevel.COMPANY, YEAR, TargetMetric.REVENUE, MAY, asOf, DataScope.everything());
    return amounts.get("COMPANY");
  }

  /** A small revision of the company's target, applied at once, effective from the start. */
  private static TargetRevised revised(String from, String to) {
    return new TargetRevised(
        COMPANY, "TR-" + to, money(from), money(to), null, "finance1", null, "small change");
  }
}
