-- Issues 18 and 19 on the dashboard: held deals and collections in the present roll-up, and the
-- same figures summed by the instant they were recorded, so an as-of answer reads sums, not events.

-- Present answer: held deals (on credit hold, not booked) by close month, and collections
-- (payments received) by payment month. Payments carry no product line: their rows have ''.
ALTER TABLE sales_month
    ADD COLUMN held_deals  INTEGER       NOT NULL DEFAULT 0,
    ADD COLUMN held_amount NUMERIC(19,2) NOT NULL DEFAULT 0,
    ADD COLUMN collections NUMERIC(19,2) NOT NULL DEFAULT 0;

-- As-of answer: every change of a figure, summed by business month and attribution at three
-- grains of the instant it was recorded: 'M' (recorded is the first instant of the UTC month),
-- 'D' (of the UTC day) and 'I' (the event's own instant). "Known at T" is then the 'M' rows
-- before T's month + the 'D' rows of T's month before T's day + the 'I' rows of T's day up to T.
-- new_customers holds +1/-1 moves of each customer's first win as they were learnt.
CREATE TABLE sales_known (
    grain          CHAR(1)       NOT NULL,
    recorded       TIMESTAMPTZ   NOT NULL,
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
    held_deals     INTEGER       NOT NULL DEFAULT 0,
    held_amount    NUMERIC(19,2) NOT NULL DEFAULT 0,
    collections    NUMERIC(19,2) NOT NULL DEFAULT 0,
    new_customers  INTEGER       NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, month, recorded, rep, team, region, product_line)
);
CREATE INDEX sales_known_instant ON sales_known (recorded, month) WHERE grain = 'I';

-- Deals on credit hold (their figures, so the release can take them out of the held sums) and
-- each invoice's attribution (so a payment is credited to the deal's owner, team and region).
CREATE TABLE sales_held_deal (
    deal_id      VARCHAR(64)   PRIMARY KEY,
    month        DATE          NOT NULL,
    rep          VARCHAR(100)  NOT NULL,
    team         VARCHAR(100)  NOT NULL,
    region       VARCHAR(100)  NOT NULL,
    product_line VARCHAR(100)  NOT NULL,
    amount       NUMERIC(19,2) NOT NULL
);
CREATE TABLE sales_invoice (
    invoice_id VARCHAR(64)  PRIMARY KEY,
    rep        VARCHAR(100) NOT NULL,
    team       VARCHAR(100) NOT NULL,
    region     VARCHAR(100) NOT NULL
);
