-- Sales targets, bitemporal: each revision row says from which business day it applies
-- (effective_from, null = from the start) and from which instant the ledger knew it in force
-- (applied_at: its recording, or its approval). Queries read these tables only, never the events.
CREATE TABLE target_view (
    target_id            varchar(200) PRIMARY KEY,
    level                varchar(10)  NOT NULL,
    scope_id             varchar(100) NOT NULL,
    period               varchar(10)  NOT NULL,
    period_start         date         NOT NULL,
    period_end           date         NOT NULL,
    metric               varchar(20)  NOT NULL,
    currency             varchar(3),
    team_of_rep          varchar(100),
    parent_id            varchar(200),
    set_at               timestamptz  NOT NULL,
    updated_at_position  bigint       NOT NULL
);
CREATE INDEX target_view_selection ON target_view (level, metric, period, scope_id);
CREATE INDEX target_view_parent ON target_view (parent_id);

CREATE TABLE target_revision (
    target_id        varchar(200)  NOT NULL,
    revision_id      varchar(40)   NOT NULL,
    kind             varchar(20)   NOT NULL,
    amount           numeric(15,2) NOT NULL,
    effective_from   date,
    recorded_at      timestamptz   NOT NULL,
    requested_by     varchar(100),
    reason           varchar(1000),
    status           varchar(10)   NOT NULL,
    applied_at       timestamptz,
    decided_at       timestamptz,
    decided_by       varchar(100),
    decision_reason  varchar(1000),
    position         bigint        NOT NULL,
    PRIMARY KEY (target_id, revision_id)
);
-- The amount in force: per target, the applied revisions by effective day, latest first.
CREATE INDEX target_revision_in_force
    ON target_revision (target_id, effective_from DESC NULLS LAST, applied_at DESC)
    WHERE applied_at IS NOT NULL;

-- Which targets a decomposition made children of which parent, from when (the first decomposition
-- that named them; a later one names every earlier child again).
CREATE TABLE target_child (
    parent_id    varchar(200) NOT NULL,
    child_id     varchar(200) NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    PRIMARY KEY (parent_id, child_id)
);
