-- The dashboard's targets of 2,000 reps (4,000 targets a year) were found by sorting every applied
-- revision of each and keeping the first in force: 12 ms of a 47 ms question at 10 million events,
-- most of it the sort. Most targets are settled: the day asked is on or after the latest effective
-- day of their applied revisions, and the instant asked is after the last of them was applied.
-- Then the amount in force is the first applied revision in the usual order (latest effective day,
-- then latest applied, then latest recorded), kept here; only the others read their revisions.
--   settled_amount:  that revision's amount;
--   settled_from:    its effective day (null: from the period's start), the latest of them all;
--   last_applied_at: when the last revision of the target was applied.
-- The target projection keeps them in the same batch as the revisions; existing targets are filled
-- in here, so a ledger upgraded in place needs no rebuild.
ALTER TABLE target_view
    ADD COLUMN settled_amount  NUMERIC(15,2),
    ADD COLUMN settled_from    DATE,
    ADD COLUMN last_applied_at TIMESTAMPTZ;

UPDATE target_view v
   SET settled_amount = s.amount, settled_from = s.effective_from, last_applied_at = s.last_applied_at
  FROM (SELECT DISTINCT ON (target_id) target_id, amount, effective_from,
               max(applied_at) OVER (PARTITION BY target_id) AS last_applied_at
          FROM target_revision
         WHERE applied_at IS NOT NULL
         ORDER BY target_id, effective_from DESC NULLS LAST, applied_at DESC, position DESC) s
 WHERE v.target_id = s.target_id;
