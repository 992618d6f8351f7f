package com.salesledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesledger.query.common.ReadModelDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard reads its roll-ups by index only (V340): each index it reads them through holds
 * every column of its table, as key or covered column. A column added to a roll-up later and left
 * out of these indexes would still give right answers, only read row by row from the table again;
 * this test names it.
 */
class DashboardRollupIndexesTest {

  /** Each roll-up and the indexes a dashboard question reads it through. */
  private static final Map<String, String[]> READ_THROUGH =
      Map.of(
          "sales_rep_month", new String[] {"sales_rep_month_pkey"},
          "sales_rep_year", new String[] {"sales_rep_year_pkey"},
          "sales_team_month", new String[] {"sales_team_month_pkey"},
          "sales_team_year", new String[] {"sales_team_year_pkey"},
          "sales_known_rep", new String[] {"sales_known_rep_pkey", "sales_known_rep_day"},
          "sales_known_team", new String[] {"sales_known_team_pkey", "sales_known_team_day"});

  @Test
  void every_index_the_dashboard_reads_a_roll_up_through_holds_all_its_columns() {
    JdbcTemplate jdbc = ReadModelDatabase.get().jdbc();
    READ_THROUGH.forEach(
        (table, indexes) -> {
          for (String index : indexes) {
            // the day indexes hold one grain (WHERE grain = 'D'), so they need not hold its column
            String fixedByPredicate = index.endsWith("_day") ? "grain" : "";
            assertThat(
                    jdbc.queryForList(
                        "select a.attname from pg_attribute a where a.attrelid = ?::regclass"
                            + " and a.attnum > 0 and not a.attisdropped and a.attnum <> all("
                            + "select unnest(x.indkey::int2[]) from pg_index x"
                            + " where x.indexrelid = ?::regclass and x.indrelid = ?::regclass)"
                            + " and a.attname <> ?"
                            // the transaction that wrote a row (V360) is read through its own
                            // index when memory is brought up, never with a period's sums
                            + " and a.attname <> 'changed_by'",
                        String.class,
                        table,
                        index,
                        table,
                        fixedByPredicate))
                .as("columns of %s missing from %s", table, index)
                .isEmpty();
          }
        });
  }
}
