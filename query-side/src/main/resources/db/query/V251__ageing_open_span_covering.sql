-- Measured at 10 million events (a date two years back, 21,000 invoices open on it): the GiST
-- index of V250 found them in 20 ms, but fetching their rows from the table (scattered over
-- 243 MB) and each one's later movements took 250 ms. Both indexes now carry the columns the
-- ageing reads, so neither the invoices nor the movements are fetched from their tables: 110 ms
-- with every page cached, 20 ms of it the span look-up.
DROP INDEX invoice_view_open_span;
CREATE INDEX invoice_view_open_span ON invoice_view USING gist (
    daterange(issue_date,
              CASE WHEN open_amount = 0 THEN greatest(issue_date, last_movement_on) END,
              '[)'))
    INCLUDE (invoice_id, open_amount, issue_date, due_date, last_movement_on, customer_id,
             owner_rep, team, region);

-- the same key as invoice_movement_invoice, with the amount
DROP INDEX invoice_movement_invoice;
CREATE INDEX invoice_movement_invoice ON invoice_movement (invoice_id, on_date) INCLUDE (amount);
