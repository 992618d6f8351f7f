-- Credit accounts as they stood: one row per credit event, stamped with the instant the event was
-- recorded, so the account at any instant is one lookup on (customer_id, valid_from).
CREATE TABLE credit_account_history (
    customer_id   VARCHAR(100)  NOT NULL,
    position      BIGINT        NOT NULL,
    valid_from    TIMESTAMPTZ   NOT NULL,
    rating        VARCHAR(1)    NOT NULL,
    credit_limit  NUMERIC(15,2) NOT NULL,
    currency      VARCHAR(3)    NOT NULL,
    terms_days    INTEGER       NOT NULL,
    on_hold       BOOLEAN       NOT NULL,
    hold_reason   TEXT,
    held_since    TIMESTAMPTZ,
    exposure      NUMERIC(15,2) NOT NULL,
    PRIMARY KEY (customer_id, position)
);
CREATE INDEX credit_account_history_asof ON credit_account_history (customer_id, valid_from, position);

-- The account as it stands now (the last history row), for the inbox and the next batch's fold.
CREATE TABLE credit_account_current (
    customer_id   VARCHAR(100)  PRIMARY KEY,
    position      BIGINT        NOT NULL,
    valid_from    TIMESTAMPTZ   NOT NULL,
    rating        VARCHAR(1)    NOT NULL,
    credit_limit  NUMERIC(15,2) NOT NULL,
    currency      VARCHAR(3)    NOT NULL,
    terms_days    INTEGER       NOT NULL,
    on_hold       BOOLEAN       NOT NULL,
    hold_reason   TEXT,
    held_since    TIMESTAMPTZ,
    exposure      NUMERIC(15,2) NOT NULL
);
CREATE INDEX credit_account_current_held ON credit_account_current (held_since) WHERE on_hold;

-- Current early warnings (a cleared warning is deleted; its history is in the event store).
CREATE TABLE credit_warning (
    customer_id        VARCHAR(100)  PRIMARY KEY,
    position           BIGINT        NOT NULL,
    raised_at          TIMESTAMPTZ   NOT NULL,
    evaluated_on       DATE          NOT NULL,
    reasons            TEXT          NOT NULL,
    exposure           NUMERIC(15,2) NOT NULL,
    credit_limit       NUMERIC(15,2) NOT NULL,
    oldest_invoice_id  VARCHAR(64),
    oldest_days_overdue BIGINT,
    past_hard_threshold BOOLEAN      NOT NULL
);

-- Won deals on credit hold awaiting release (a released deal is deleted).
CREATE TABLE credit_held_deal (
    deal_id      VARCHAR(64)   PRIMARY KEY,
    customer_id  VARCHAR(100)  NOT NULL,
    position     BIGINT        NOT NULL,
    held_at      TIMESTAMPTZ   NOT NULL,
    amount       NUMERIC(15,2) NOT NULL,
    reasons      TEXT          NOT NULL
);
CREATE INDEX credit_held_deal_customer ON credit_held_deal (customer_id);

-- Ageing: the open invoices are few beside all invoices; today's ageing reads only them, from the
-- index alone (it covers the group columns; measured 1.2 s -> 0.15 s by region at 3 M invoices).
CREATE INDEX invoice_view_open ON invoice_view (issue_date)
    INCLUDE (due_date, open_amount, customer_id, owner_rep, team, region)
    WHERE open_amount <> 0;
-- A past date's ageing adds back what was settled after it: movements dated after D.
CREATE INDEX invoice_movement_after ON invoice_movement (on_date) INCLUDE (invoice_id, amount, kind);
-- A rep's credit-account scope: the customers they have deals with.
CREATE INDEX deal_view_customer_owner ON deal_view (customer_id, owner_rep, team);
