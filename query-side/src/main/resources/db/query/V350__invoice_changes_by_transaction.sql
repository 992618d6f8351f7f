-- Today's ageing is answered from the open invoices held in memory (OpenInvoicesInMemory), brought
-- up to a reader's snapshot from the rows written since the snapshot it last read: every row
-- carries the transaction that last wrote it. Rows written before this migration have none; every
-- snapshot sees them, so the first full read takes them and no later one has to.
-- Added without a default first: a volatile default on ADD COLUMN would rewrite the table (3
-- million rows at full scale); set afterwards, it applies to new rows only (inserts, a rebuild's
-- shadow copy made LIKE this table). Updates set it themselves (InvoiceProjection).
ALTER TABLE invoice_view ADD COLUMN changed_by xid8;
ALTER TABLE invoice_view ALTER COLUMN changed_by SET DEFAULT pg_current_xact_id();
CREATE INDEX invoice_view_changed_by ON invoice_view (changed_by);
