-- An account's authorised links to marketplaces. Credentials (tokens, secrets) are stored only
-- encrypted (AES-256-GCM, see connections/cipher.ts) and are never returned by the API.
CREATE TABLE connections (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  channel text NOT NULL,
  name text NOT NULL,
  base_url text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'auth_failed', 'disabled')),
  status_reason text,
  secrets text,
  -- A consent in progress: the random state the marketplace sends back to the callback.
  oauth_state text UNIQUE,
  redirect_uri text,
  seller_id text,
  rules jsonb NOT NULL DEFAULT '{}',
  -- Per-operation rates replacing the marketplace's defaults, when the marketplace granted this
  -- seller's app a higher quota: {"stock": {"perSecond": 50, "burst": 100}}.
  rate_limits jsonb NOT NULL DEFAULT '{}',
  tested_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, name)
);
CREATE INDEX connections_account_idx ON connections (account_id);
