-- Idempotency-Key bookkeeping. A row is written in the same transaction as the command's events,
-- so a command is applied once per key even across crashes and restarts.
CREATE TABLE idempotency_key (
    username       VARCHAR(255) NOT NULL,
    idem_key       VARCHAR(255) NOT NULL,
    request_hash   VARCHAR(64)  NOT NULL,
    aggregate_id   VARCHAR(255) NOT NULL,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (username, idem_key)
);
