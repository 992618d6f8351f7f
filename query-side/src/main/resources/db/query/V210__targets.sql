-- Targets, bitemporal: every applied revision keeps its business date (effective_from) and the
-- instant the ledger recorded it (recorded_at: for an approved revision, the approval's instant).
-- "Amount in force on D as known at T" is the revision with the highest seq among those with
-- effective_from <= D and recorded_at <= T: one index range per target, never an event scan.
CREATE TABLE target_view (
    target_id    VARCHAR(200) PRIMARY KEY,
    scope_level  VARCHAR(16)  NOT NULL,
    scope_id     VARCHAR(64)  NOT NULL,
    team_of_rep  VARCHAR(64),
    period       VARCHAR(8)   NOT NULL,
    period_start DATE         NOT NULL,
    period_end   DATE         NOT NULL,
    metric       VARCHAR(32)  NOT NULL,
    currency     VARCHAR(3),
    parent_id    VARCHAR(200),
    set_at       TIMESTAMPTZ  NOT NULL,
    set_by       VARCHAR(64)  NOT NULL
);
CREATE INDEX target_view_lookup ON target_view (period, metric, scope_level, scope_id);
CREATE INDEX target_view_scope ON target_view (scope_level, scope_id);
CREATE INDEX target_view_team_of_rep ON target_view (team_of_rep);

CREATE TABLE target_revision (
    event_id       VARCHAR(64)   PRIMARY KEY,
    target_id      VARCHAR(200)  NOT NULL,
    seq            BIGINT        NOT NULL,
    revision_id    VARCHAR(32)   NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    amount         NUMERIC(19,2) NOT NULL,
    effective_from DATE          NOT NULL,
    recorded_at    TIMESTAMPTZ   NOT NULL,
    requested_by   VARCHAR(64)   NOT NULL,
    approved_by    VARCHAR(64),
    reason         VARCHAR(1000)
);
CREATE INDEX target_revision_target ON target_revision (target_id, seq DESC);

-- Revisions that waited for a second person, and what was decided (a row per decision).
CREATE TABLE target_revision_request (
    target_id      VARCHAR(200)  NOT NULL,
    revision_id    VARCHAR(32)   NOT NULL,
    amount         NUMERIC(19,2) NOT NULL,
    effective_from DATE          NOT NULL,
    requested_by   VARCHAR(64)   NOT NULL,
    requested_at   TIMESTAMPTZ   NOT NULL,
    reason         VARCHAR(1000),
    PRIMARY KEY (target_id, revision_id)
);
CREATE TABLE target_revision_decision (
    target_id   VARCHAR(200)  NOT NULL,
    revision_id VARCHAR(32)   NOT NULL,
    decision    VARCHAR(16)   NOT NULL,
    decided_by  VARCHAR(64)   NOT NULL,
    decided_at  TIMESTAMPTZ   NOT NULL,
    reason      VARCHAR(1000),
    PRIMARY KEY (target_id, revision_id)
);

-- Each decomposition with the amount its children added up to then; a parent whose amount (as
-- known at T) differs from its last decomposition's (as known at T) is out of balance.
CREATE TABLE target_decomposition (
    event_id      VARCHAR(64)   PRIMARY KEY,
    target_id     VARCHAR(200)  NOT NULL,
    seq           BIGINT        NOT NULL,
    amount        NUMERIC(19,2) NOT NULL,
    children      TEXT          NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL,
    decomposed_by VARCHAR(64)   NOT NULL,
    reason        VARCHAR(1000)
);
CREATE INDEX target_decomposition_target ON target_decomposition (target_id, seq DESC);
