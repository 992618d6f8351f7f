-- The span of each invoice's openness (V250), indexed with SP-GiST instead of GiST: the same
-- expression, the same covered columns, so a past date's ageing reads the same rows, only faster.
-- GiST keeps overlapping bounding ranges and descends into every subtree whose range might hold
-- the date; SP-GiST splits ranges into disjoint quadrants around a centroid (start before or after,
-- end before or after), so a containment look-up follows far fewer pages. Measured on a copy of
-- 262,000 generated invoices, the 5,361 open on one date: 4-13 ms against 7-50 ms with GiST, with
-- the ledger busy around it, and the index 38 MB instead of 56.
CREATE INDEX invoice_view_open_span_spgist ON invoice_view USING spgist (
    daterange(issue_date,
              CASE WHEN open_amount = 0 THEN greatest(issue_date, last_movement_on) END,
              '[)'))
    INCLUDE (invoice_id, amount, open_amount, issue_date, due_date, first_movement_on,
             last_movement_on, customer_id, owner_rep, team, region);

DROP INDEX invoice_view_open_span;
ALTER INDEX invoice_view_open_span_spgist RENAME TO invoice_view_open_span;
