-- The present dashboard at full scale (2,000 reps, 4 product lines, 5 years) summed up to 96,000
-- sales_month rows a year, twice (the year and the year before): about 60 ms a question on this
-- machine. These two roll-ups of the same figures are written in the same batch as sales_month:
--   sales_rep_month:  per rep (without product line), 24,000 rows a year: rep groupings, and
--                     every grouping but product line for a caller scoped to their own deals;
--   sales_team_month: per team and product line, 9,600 rows a year: team, region, product line
--                     and month groupings for callers who see everything or whole teams.
-- Existing figures are carried over, so a ledger upgraded in place needs no rebuild.
CREATE TABLE sales_rep_month (
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
    PRIMARY KEY (month, rep, team, region)
);
CREATE INDEX sales_rep_month_by_rep ON sales_rep_month (rep, month);

CREATE TABLE sales_team_month (
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
    PRIMARY KEY (month, team, region, product_line)
);
CREATE INDEX sales_team_month_by_team ON sales_team_month (team, month);

INSERT INTO sales_rep_month
SELECT month, rep, team, region, sum(revenue), sum(cost), sum(deals_won), sum(deals_lost),
       sum(cycle_days_won), sum(held_deals), sum(held_amount), sum(collections)
  FROM sales_month GROUP BY month, rep, team, region;

INSERT INTO sales_team_month
SELECT month, team, region, product_line, sum(revenue), sum(cost), sum(deals_won),
       sum(deals_lost), sum(cycle_days_won), sum(held_deals), sum(held_amount), sum(collections)
  FROM sales_month GROUP BY month, team, region, product_line;
