-- Console sessions. The cookie carries a random id; only its SHA-256 is stored, so a copy of
-- this table cannot be replayed as a login. Each session has its own CSRF token, sent back by
-- the console in X-CSRF-Token on every state-changing request.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed logins, per email and per client address, for the login rate limit. Kept in the
-- database so every API process counts the same attempts.
CREATE TABLE login_failures (
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_idx ON login_failures (key, at);
