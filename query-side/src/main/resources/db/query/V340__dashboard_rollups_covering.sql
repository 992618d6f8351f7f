-- The present dashboard reads one period's rows of a roll-up (2,000 for a month or a year by rep)
-- and the same period a year before. Its rows are upserted by every batch, so a period's rows lie
-- scattered over the table: at 10 million events one month's 1,974 rows of sales_rep_month sat on
-- 784 pages, and the bitmap heap scan over them was most of the query. Each roll-up's primary key
-- now carries the sums as non-key columns, so the query is an index-only scan of one period's
-- contiguous key range: on a copy of that table laid out the same way, 2.65 ms became 0.55 ms
-- (35 pages read instead of 1,560). Pages of closed periods, which every question reads for its
-- prior year, are all-visible once vacuumed; the current period's may still be fetched from the
-- table, as before. The key itself is unchanged, so the projection's upserts find it as before.
ALTER TABLE sales_rep_month DROP CONSTRAINT sales_rep_month_pkey,
    ADD CONSTRAINT sales_rep_month_pkey PRIMARY KEY (month, rep, team, region)
    INCLUDE (revenue, cost, deals_won, deals_lost, cycle_days_won, held_deals, held_amount,
             collections, new_customers);

ALTER TABLE sales_rep_year DROP CONSTRAINT sales_rep_year_pkey,
    ADD CONSTRAINT sales_rep_year_pkey PRIMARY KEY (year, rep, team, region)
    INCLUDE (revenue, cost, deals_won, deals_lost, cycle_days_won, held_deals, held_amount,
             collections, new_customers);

ALTER TABLE sales_team_month DROP CONSTRAINT sales_team_month_pkey,
    ADD CONSTRAINT sales_team_month_pkey PRIMARY KEY (month, team, region, product_line)
    INCLUDE (revenue, cost, deals_won, deals_lost, cycle_days_won, held_deals, held_amount,
             collections, new_customers);

ALTER TABLE sales_team_year DROP CONSTRAINT sales_team_year_pkey,
    ADD CONSTRAINT sales_team_year_pkey PRIMARY KEY (year, team, region, product_line)
    INCLUDE (revenue, cost, deals_won, deals_lost, cycle_days_won, held_deals, held_amount,
             collections, new_customers);

-- The same for the as-known roll-ups a dashboard asked as of an instant reads (the month sums
-- recorded before its month, by the primary key; the day sums of its month, by the day index): a
-- year by rep as of an instant reads about 16,000 of them. On a copy of 552,000 rows of
-- sales_known_rep laid out by rep, with the grains read as separate branches (JdbcSalesDashboard),
-- the query fell from 52-72 ms to 27-40 ms, the ledger busy around it. The finest table,
-- sales_known, is read this way only for a rep's own deals by product line, a few rows, and keeps
-- its narrower keys.
ALTER TABLE sales_known_rep DROP CONSTRAINT sales_known_rep_pkey,
    ADD CONSTRAINT sales_known_rep_pkey PRIMARY KEY (grain, month, recorded, rep, team, region)
    INCLUDE (revenue, cost, deals_won, deals_lost, cycle_days_won, held_deals, held_amount,
             collections, new_customers);
DROP INDEX sales_known_rep_day;
CREATE INDEX sales_known_rep_day ON sales_known_rep (recorded, month)
    INCLUDE (rep, team, region, revenue, cost, deals_won, deals_lost, cycle_days_won, held_deals,
             held_amount, collections, new_customers)
    WHERE grain = 'D';

ALTER TABLE sales_known_team DROP CONSTRAINT sales_known_team_pkey,
    ADD CONSTRAINT sales_known_team_pkey
    PRIMARY KEY (grain, month, recorded, team, region, product_line)
    INCLUDE (revenue, cost, deals_won, deals_lost, cycle_days_won, held_deals, held_amount,
             collections, new_customers);
DROP INDEX sales_known_team_day;
CREATE INDEX sales_known_team_day ON sales_known_team (recorded, month)
    INCLUDE (team, region, product_line, revenue, cost, deals_won, deals_lost, cycle_days_won,
             held_deals, held_amount, collections, new_customers)
    WHERE grain = 'D';
