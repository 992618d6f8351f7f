-- The present dashboard of a year by rep summed 24,000 sales_rep_month rows, twice (the year and
-- the year before): 14 ms each at full scale (2,000 reps), the largest part of the slowest
-- dashboard question. The same figures per year, written in the same batch as the month rows:
--   sales_rep_year:  per rep, 2,000 rows a year;
--   sales_team_year: per team and product line, 800 rows a year.
-- A year's dashboard grouped by anything but month reads these; quarters, months and the month
-- grouping keep reading the month roll-ups. Existing figures are carried over (no rebuild needed).
CREATE TABLE sales_rep_year (
    year           DATE          NOT NULL,
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
    PRIMARY KEY (year, rep, team, region)
);
CREATE INDEX sales_rep_year_by_rep ON sales_rep_year (rep, year);

CREATE TABLE sales_team_year (
    year           DATE          NOT NULL,
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
    PRIMARY KEY (year, team, region, product_line)
);
CREATE INDEX sales_team_year_by_team ON sales_team_year (team, year);

INSERT INTO sales_rep_year
SELECT date_trunc('year', month)::date, rep, team, region, sum(revenue), sum(cost), sum(deals_won),
       sum(deals_lost), sum(cycle_days_won), sum(held_deals), sum(held_amount), sum(collections)
  FROM sales_rep_month GROUP BY 1, rep, team, region;

INSERT INTO sales_team_year
SELECT date_trunc('year', month)::date, team, region, product_line, sum(revenue), sum(cost),
       sum(deals_won), sum(deals_lost), sum(cycle_days_won), sum(held_deals), sum(held_amount),
       sum(collections)
  FROM sales_team_month GROUP BY 1, team, region, product_line;
