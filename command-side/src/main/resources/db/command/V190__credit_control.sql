-- Credit control (issue 19).
-- The customers with a credit account, for the daily early-warning review. Written by the command
-- side's credit-warnings processor from CreditAccountOpened (rebuildable from the events).
CREATE TABLE credit_account_directory (
    customer_id VARCHAR(255) NOT NULL PRIMARY KEY,
    opened_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- db-scheduler's table (PostgreSQL layout of db-scheduler 15): the daily review is a recurring task
-- kept here, so it survives restarts and runs once per day even with several command-side nodes.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
