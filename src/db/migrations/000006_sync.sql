-- Scheduled synchronisation (SkyHub's "Sincronização Agendada"): schedules as the seller made
-- them (immutable: replacing one cancels it), the plan derived from them per (connection,
-- resource), the runs, the leases that keep one run per (connection, resource), and sync errors.
CREATE TABLE sync_schedules (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  connection_ids bigint[] NOT NULL,
  resources text[] NOT NULL,
  -- NULL means continuous.
  every_minutes integer CHECK (every_minutes > 0),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
  replaced_by bigint REFERENCES sync_schedules (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz
);
CREATE INDEX sync_schedules_account_idx ON sync_schedules (account_id, status, id);

-- One row per (connection, resource) covered by at least one active schedule; the most frequent
-- schedule wins. Workers take due rows with UPDATE ... RETURNING, so each firing happens once.
CREATE TABLE sync_targets (
  connection_id bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  resource text NOT NULL CHECK (resource IN ('stock', 'price', 'orders', 'catalog')),
  account_id bigint NOT NULL,
  every_minutes integer,
  schedule_id bigint NOT NULL,
  next_run_at timestamptz,
  PRIMARY KEY (connection_id, resource)
);
CREATE INDEX sync_targets_due_idx ON sync_targets (next_run_at) WHERE every_minutes IS NOT NULL;

CREATE TABLE sync_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  connection_id bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  resource text NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('scheduled', 'manual', 'continuous', 'resume')),
  schedule_id bigint,
  status text NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'paused', 'skipped', 'interrupted')),
  note text,
  started_at timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  considered integer NOT NULL DEFAULT 0,
  sent integer NOT NULL DEFAULT 0,
  confirmed integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  -- A few failures, for the run's detail page (the full list is in sync_errors).
  failures jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX sync_runs_account_idx ON sync_runs (account_id, id DESC);
CREATE INDEX sync_runs_target_idx ON sync_runs (connection_id, resource, id DESC);
CREATE INDEX sync_runs_running_idx ON sync_runs (heartbeat_at) WHERE status = 'running';

CREATE TABLE sync_leases (
  connection_id bigint NOT NULL,
  resource text NOT NULL,
  holder text NOT NULL,
  run_id bigint,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (connection_id, resource)
);

CREATE TABLE sync_errors (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  connection_id bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  -- NULL for an error of the whole connection (its authorisation).
  listing_id bigint REFERENCES listings (id) ON DELETE CASCADE,
  product_id bigint,
  resource text NOT NULL,
  code text NOT NULL,
  failure text NOT NULL CHECK (failure IN ('transient', 'rate_limited', 'permanent', 'auth')),
  message text NOT NULL,
  marketplace_code text,
  hint text,
  attempts integer NOT NULL DEFAULT 1,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'ignored')),
  resolved_at timestamptz
);
-- One open error per (listing, resource), or per connection for connection-wide errors.
CREATE UNIQUE INDEX sync_errors_open_listing_idx ON sync_errors (listing_id, resource) WHERE status = 'open';
CREATE UNIQUE INDEX sync_errors_open_connection_idx ON sync_errors (connection_id, resource)
  WHERE status = 'open' AND listing_id IS NULL;
CREATE INDEX sync_errors_account_idx ON sync_errors (account_id, status, id DESC);
