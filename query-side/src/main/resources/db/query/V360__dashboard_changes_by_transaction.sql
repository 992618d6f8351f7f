-- The present dashboard is answered from the roll-ups' rows of the periods asked lately, held in
-- memory (PresentSumsInMemory) and brought up to a reader's snapshot from the rows written since
-- the snapshot it last read, as today's ageing is (V350): every row of the present roll-ups the
-- dashboard reads carries the transaction that last wrote it. Rows written before this migration
-- have none; every snapshot sees them, so the first read of a period takes them.
-- Added without a default first (no table rewrite), set afterwards for new rows; the sales
-- projection's upserts set it on update themselves. sales_month is not held (it answers only a
-- rep's own deals by product line: a few rows).
ALTER TABLE sales_rep_month ADD COLUMN changed_by xid8;
ALTER TABLE sales_rep_month ALTER COLUMN changed_by SET DEFAULT pg_current_xact_id();
CREATE INDEX sales_rep_month_changed_by ON sales_rep_month (changed_by);

ALTER TABLE sales_team_month ADD COLUMN changed_by xid8;
ALTER TABLE sales_team_month ALTER COLUMN changed_by SET DEFAULT pg_current_xact_id();
CREATE INDEX sales_team_month_changed_by ON sales_team_month (changed_by);

ALTER TABLE sales_rep_year ADD COLUMN changed_by xid8;
ALTER TABLE sales_rep_year ALTER COLUMN changed_by SET DEFAULT pg_current_xact_id();
CREATE INDEX sales_rep_year_changed_by ON sales_rep_year (changed_by);

ALTER TABLE sales_team_year ADD COLUMN changed_by xid8;
ALTER TABLE sales_team_year ALTER COLUMN changed_by SET DEFAULT pg_current_xact_id();
CREATE INDEX sales_team_year_changed_by ON sales_team_year (changed_by);
