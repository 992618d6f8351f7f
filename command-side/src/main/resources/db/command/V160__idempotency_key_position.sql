-- The global position of the command's last event, recorded once the command has answered, so a
-- repeated request answers the same position even where the event store cannot look it up cheaply
-- (Axon Server). Null for keys recorded before, or recovered from the events' metadata.
ALTER TABLE idempotency_key ADD COLUMN position BIGINT;
