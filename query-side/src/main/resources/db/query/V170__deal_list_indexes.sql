-- The deal list pages by opened_on (newest first), optionally for one owner or one status: each
-- page is an index range, never a sort of every deal (3 million at the planned scale).
CREATE INDEX deal_view_opened ON deal_view (opened_on DESC, deal_id);
CREATE INDEX deal_view_status_opened ON deal_view (status, opened_on DESC, deal_id);
CREATE INDEX deal_view_owner_opened ON deal_view (owner_rep, opened_on DESC, deal_id);
-- superseded by deal_view_owner_opened (same leading column)
DROP INDEX deal_view_owner;
