-- The dashboard as known at an instant summed sales_known's month rows of 2,000 reps and 5 product
-- lines: about 100,000 rows for a year, twice (the year and the year before), 300 ms a question at
-- 10 million events. The same as-known sums rolled up as the present ones are (V240):
--   sales_known_rep:  per rep (without product line): rep groupings, and every grouping but
--                     product line for a caller scoped to their own deals;
--   sales_known_team: per team and product line: team, region, product line and month groupings
--                     for callers who see everything or whole teams.
-- Only the month ('M') and day ('D') grains: the instants of the asked day ('I') are few and are
-- still read from sales_known. Written in the same batch as sales_known; existing sums are carried
-- over, so a ledger upgraded in place needs no rebuild. They are copied in key order: a year's
-- question reads its months' rows together, which in hash order lay one to a page (26,000 rows,
-- 15,500 pages, 60-170 ms at 10 million events; in key order 1,440 pages, 20 ms).
CREATE TABLE sales_known_rep (
    grain          CHAR(1)       NOT NULL,
    recorded       TIMESTAMPTZ   NOT NULL,
    month          DATE          NOT NULL,
    rep            VARCHAR(100)  NOT NULL,
    team           VARCHAR(100)  NOT NULL,
    region         VARCHAR(100)  NOT NULL,
    revenue        NUMERIC(19,2) NOT NULL DEFAULT 0,
    cost           NUMERIC(19,2) NOT NULL DEFAULT 0,
    deals_won      INTEGER       NOT NULL DEFAULT 0,
    deals_lost     INTEGER       NOT NULL DEFAULT 0,
    cycle_days_won BIGINT        NOT NULL DEFAULT 0,
    held_deals     INTEGER       NOT NULL DEFAULT 0,
    held_amount    NUMERIC(19,2) NOT NULL DEFAULT 0,
    collections    NUMERIC(19,2) NOT NULL DEFAULT 0,
    new_customers  INTEGER       NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, month, recorded, rep, team, region)
);
CREATE INDEX sales_known_rep_day ON sales_known_rep (recorded, month) WHERE grain = 'D';

CREATE TABLE sales_known_team (
    grain          CHAR(1)       NOT NULL,
    recorded       TIMESTAMPTZ   NOT NULL,
    month          DATE          NOT NULL,
    team           VARCHAR(100)  NOT NULL,
    region         VARCHAR(100)  NOT NULL,
    product_line   VARCHAR(100)  NOT NULL,
    revenue        NUMERIC(19,2) NOT NULL DEFAULT 0,
    cost           NUMERIC(19,2) NOT NULL DEFAULT 0,
    deals_won      INTEGER       NOT NULL DEFAULT 0,
    deals_lost     INTEGER       NOT NULL DEFAULT 0,
    cycle_days_won BIGINT        NOT NULL DEFAULT 0,
    held_deals     INTEGER       NOT NULL DEFAULT 0,
    held_amount    NUMERIC(19,2) NOT NULL DEFAULT 0,
    collections    NUMERIC(19,2) NOT NULL DEFAULT 0,
    new_customers  INTEGER       NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, month, recorded, team, region, product_line)
);
CREATE INDEX sales_known_team_day ON sales_known_team (recorded, month) WHERE grain = 'D';

INSERT INTO sales_known_rep
SELECT grain, recorded, month, rep, team, region, sum(revenue), sum(cost), sum(deals_won),
       sum(deals_lost), sum(cycle_days_won), sum(held_deals), sum(held_amount), sum(collections),
       sum(new_customers)
  FROM sales_known WHERE grain IN ('M', 'D') GROUP BY grain, month, recorded, rep, team, region
 ORDER BY grain, month, recorded, rep, team, region;

INSERT INTO sales_known_team
SELECT grain, recorded, month, team, region, product_line, sum(revenue), sum(cost),
       sum(deals_won), sum(deals_lost), sum(cycle_days_won), sum(held_deals), sum(held_amount),
       sum(collections), sum(new_customers)
  FROM sales_known WHERE grain IN ('M', 'D')
 GROUP BY grain, month, recorded, team, region, product_line
 ORDER BY grain, month, recorded, team, region, product_line;
