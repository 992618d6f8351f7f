-- The present dashboard counted new customers from customer_first_win on every question: 30,000
-- rows grouped for a year at 10 million events, the slowest of its three queries. The sales
-- projection already works out how each first win moves the count (+1 where a customer's first win
-- now is, -1 where it was) for the as-known sums; the present sums and their roll-ups now keep the
-- same count, so the dashboard reads it with the other sums. Existing counts are filled in from
-- customer_first_win, so a ledger upgraded in place needs no rebuild.
ALTER TABLE sales_month ADD COLUMN new_customers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_rep_month ADD COLUMN new_customers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_team_month ADD COLUMN new_customers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_rep_year ADD COLUMN new_customers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_team_year ADD COLUMN new_customers INTEGER NOT NULL DEFAULT 0;

-- A first win always has the row of its own win (the same month and attribution); the upserts
-- only guard against a read model written by hand.
INSERT INTO sales_month AS m (month, rep, team, region, product_line, new_customers)
SELECT date_trunc('month', close_date)::date, rep, team, region, product_line, count(*)
  FROM customer_first_win GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, rep, team, region, product_line)
    DO UPDATE SET new_customers = excluded.new_customers;
INSERT INTO sales_rep_month AS m (month, rep, team, region, new_customers)
SELECT date_trunc('month', close_date)::date, rep, team, region, count(*)
  FROM customer_first_win GROUP BY 1, 2, 3, 4
    ON CONFLICT (month, rep, team, region) DO UPDATE SET new_customers = excluded.new_customers;
INSERT INTO sales_team_month AS m (month, team, region, product_line, new_customers)
SELECT date_trunc('month', close_date)::date, team, region, product_line, count(*)
  FROM customer_first_win GROUP BY 1, 2, 3, 4
    ON CONFLICT (month, team, region, product_line)
    DO UPDATE SET new_customers = excluded.new_customers;
INSERT INTO sales_rep_year AS m (year, rep, team, region, new_customers)
SELECT date_trunc('year', close_date)::date, rep, team, region, count(*)
  FROM customer_first_win GROUP BY 1, 2, 3, 4
    ON CONFLICT (year, rep, team, region) DO UPDATE SET new_customers = excluded.new_customers;
INSERT INTO sales_team_year AS m (year, team, region, product_line, new_customers)
SELECT date_trunc('year', close_date)::date, team, region, product_line, count(*)
  FROM customer_first_win GROUP BY 1, 2, 3, 4
    ON CONFLICT (year, team, region, product_line)
    DO UPDATE SET new_customers = excluded.new_customers;
