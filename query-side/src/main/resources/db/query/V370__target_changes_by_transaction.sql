-- The targets in force are kept per question (JdbcTargetFigures) while no target row changed: every
-- row of target_view and target_revision carries the transaction that last wrote it (as V350 and
-- V360 for the held ageing and dashboard sums), and a kept answer is checked in the reader's
-- snapshot against the rows written since the snapshot it was read in. Added without a default
-- first (no table rewrite), set afterwards for new rows; the target projection's upserts and its
-- settling update set it themselves.
ALTER TABLE target_view ADD COLUMN changed_by xid8;
ALTER TABLE target_view ALTER COLUMN changed_by SET DEFAULT pg_current_xact_id();
CREATE INDEX target_view_changed_by ON target_view (changed_by);

ALTER TABLE target_revision ADD COLUMN changed_by xid8;
ALTER TABLE target_revision ALTER COLUMN changed_by SET DEFAULT pg_current_xact_id();
CREATE INDEX target_revision_changed_by ON target_revision (changed_by);

-- A kept answer holds for any later instant only if nothing in the tables is dated after the
-- instant it was read for: the latest instant a target was set or a revision applied, found by
-- these two indexes without reading the tables.
CREATE INDEX target_view_set_at ON target_view (set_at);
CREATE INDEX target_revision_applied_at ON target_revision (applied_at);
