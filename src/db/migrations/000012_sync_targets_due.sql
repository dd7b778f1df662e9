-- Continuous orders and catalog targets are polled every minute, so they have a next run time
-- too: the due index covers every target that has one.
DROP INDEX sync_targets_due_idx;
CREATE INDEX sync_targets_due_idx ON sync_targets (next_run_at) WHERE next_run_at IS NOT NULL;
