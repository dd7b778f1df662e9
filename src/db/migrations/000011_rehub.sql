-- SkyHub's Rehub product actions (link, unlink, price_entry): what was asked and what happened.
CREATE TABLE rehub_actions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('link', 'unlink', 'price_entry')),
  request jsonb NOT NULL,
  status text NOT NULL DEFAULT 'processing' CHECK (status IN ('processing', 'done', 'partial', 'failed')),
  results jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX rehub_actions_account_idx ON rehub_actions (account_id, type, id DESC);
