-- The organisation, bitemporal: every fact with the business date it is effective from and the
-- instant the ledger recorded it. "As it stood on D as known at T" is, per (kind, subject), the
-- fact with the latest effective_from <= D among those recorded_at <= T (ties: the later event).
-- kind: REGION (value: name), TEAM (value: name), TEAM_REGION (value: region id),
-- TEAM_MANAGERS (value: comma-separated user names), REP_TEAM (value: team id).
create table organisation_fact (
    position        bigint       not null,
    kind            varchar(20)  not null,
    subject         varchar(100) not null,
    value           text         not null,
    effective_from  date         not null,
    recorded_at     timestamptz  not null,
    primary key (position, kind, subject)
);
create index organisation_fact_lookup on organisation_fact (kind, subject, effective_from);
