-- Read models of the query side. Rebuilt from the event store by resetting the processors.

CREATE TABLE deal_view (
    deal_id             VARCHAR(64)   PRIMARY KEY,
    customer_id         VARCHAR(100)  NOT NULL,
    owner_rep           VARCHAR(100)  NOT NULL,
    team                VARCHAR(100)  NOT NULL,
    region              VARCHAR(100)  NOT NULL,
    product_line        VARCHAR(100)  NOT NULL,
    amount              NUMERIC(15,2) NOT NULL,
    currency            VARCHAR(3)    NOT NULL,
    expected_close_date DATE          NOT NULL,
    opened_on           DATE          NOT NULL,
    stage               VARCHAR(20)   NOT NULL,
    status              VARCHAR(10)   NOT NULL,
    final_amount        NUMERIC(15,2),
    cost                NUMERIC(15,2),
    close_date          DATE,
    lost_reason         TEXT,
    invoiced_total      NUMERIC(15,2) NOT NULL DEFAULT 0,
    version             BIGINT        NOT NULL,
    -- the read model's position when it last changed this row (>= the event's own position)
    updated_at_position BIGINT        NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX deal_view_owner ON deal_view (owner_rep);
CREATE INDEX deal_view_customer ON deal_view (customer_id);

-- Closed deals rolled up by calendar month and the attribution at close time. Closed deals never
-- change again, so the sums only ever grow and every dashboard grouping is a sum of these rows.
CREATE TABLE sales_month (
    month          DATE          NOT NULL,
    rep            VARCHAR(100)  NOT NULL,
    team           VARCHAR(100)  NOT NULL,
    region         VARCHAR(100)  NOT NULL,
    product_line   VARCHAR(100)  NOT NULL,
    revenue        NUMERIC(19,2) NOT NULL DEFAULT 0,
    cost           NUMERIC(19,2) NOT NULL DEFAULT 0,
    deals_won      INTEGER       NOT NULL DEFAULT 0,
    deals_lost     INTEGER       NOT NULL DEFAULT 0,
    cycle_days_won BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (month, rep, team, region, product_line)
);
CREATE INDEX sales_month_rep ON sales_month (rep, month);

-- Each customer's first ever won deal (earliest close date, then lowest deal id: the same
-- answer whatever order the events are processed in).
CREATE TABLE customer_first_win (
    customer_id  VARCHAR(100) PRIMARY KEY,
    deal_id      VARCHAR(64)  NOT NULL,
    close_date   DATE         NOT NULL,
    rep          VARCHAR(100) NOT NULL,
    team         VARCHAR(100) NOT NULL,
    region       VARCHAR(100) NOT NULL,
    product_line VARCHAR(100) NOT NULL
);
CREATE INDEX customer_first_win_date ON customer_first_win (close_date);

CREATE TABLE invoice_view (
    invoice_id    VARCHAR(64)   PRIMARY KEY,
    deal_id       VARCHAR(64)   NOT NULL,
    customer_id   VARCHAR(100)  NOT NULL,
    owner_rep     VARCHAR(100)  NOT NULL,
    team          VARCHAR(100)  NOT NULL,
    region        VARCHAR(100)  NOT NULL,
    amount        NUMERIC(15,2) NOT NULL,
    currency      VARCHAR(3)    NOT NULL,
    issue_date    DATE          NOT NULL,
    due_date      DATE          NOT NULL,
    paid          NUMERIC(15,2) NOT NULL DEFAULT 0,
    credited      NUMERIC(15,2) NOT NULL DEFAULT 0,
    written_off   NUMERIC(15,2) NOT NULL DEFAULT 0,
    open_amount   NUMERIC(15,2) NOT NULL,
    version             BIGINT        NOT NULL,
    updated_at_position BIGINT        NOT NULL
);
CREATE INDEX invoice_view_deal ON invoice_view (deal_id);
CREATE INDEX invoice_view_customer ON invoice_view (customer_id);

-- Every payment, credit note and write-off, dated, so open amounts can be asked "as of" a date.
CREATE TABLE invoice_movement (
    event_id   VARCHAR(64)   PRIMARY KEY,
    invoice_id VARCHAR(64)   NOT NULL,
    kind       VARCHAR(20)   NOT NULL,
    reference  VARCHAR(64),
    amount     NUMERIC(15,2) NOT NULL,
    on_date    DATE          NOT NULL,
    reason     TEXT
);
CREATE INDEX invoice_movement_invoice ON invoice_movement (invoice_id, on_date);
CREATE INDEX invoice_movement_date ON invoice_movement (on_date, kind);
