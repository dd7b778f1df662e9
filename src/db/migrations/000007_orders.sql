-- Orders (DESIGN §4): imported from the marketplaces, normalised to SkyHub's order shape, handed
-- to the ERP through SkyHub's queue, with their status history, the account's statuses, the
-- import cursors, the marketplaces' notifications waiting to be fetched, the order sync errors
-- and the status changes owed back to the marketplace.

-- How far along an order is, by status type, so an import never moves an order backwards (the
-- ERP may have invoiced an order the marketplace still calls "paid"). A cancellation ends it.
CREATE FUNCTION cais_order_status_rank(status_type text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE status_type
    WHEN 'NEW' THEN 2 WHEN 'PAYMENT_OVERDUE' THEN 3 WHEN 'APPROVED' THEN 4 WHEN 'INVOICED' THEN 6
    WHEN 'SHIPPED' THEN 8 WHEN 'SHIPMENT_EXCEPTION' THEN 9 WHEN 'DELIVERED' THEN 10
    WHEN 'CANCELED' THEN 100 ELSE 0 END
$$;

CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- NULL for a test order the ERP created with POST /orders (SkyHub's sandbox).
  connection_id bigint REFERENCES connections (id) ON DELETE CASCADE,
  channel text NOT NULL,
  external_id text NOT NULL,
  -- SkyHub's "<channel>-<id>"; the channel part may contain spaces ("Mercado Livre-2000001").
  code text NOT NULL,
  status_code text NOT NULL,
  status_type text NOT NULL,
  -- The status before the latest import touched the row: an upsert cannot return old values.
  prev_status_code text,
  marketplace_status text NOT NULL,
  placed_at timestamptz NOT NULL,
  marketplace_updated_at timestamptz NOT NULL,
  -- The SkyHub-shaped order as the marketplace reports it (status and sync_status are added on read).
  data jsonb NOT NULL,
  -- The marketplace's own payload, kept for support.
  raw jsonb NOT NULL,
  -- What the ERP reported: invoices, shipments, delivery, exception.
  erp jsonb NOT NULL DEFAULT '{}',
  unknown_skus text[] NOT NULL DEFAULT '{}',
  -- The queue: an order is queued while queue_seq > acked_seq. A GET hands out queue_seq (kept in
  -- delivered_seq) and hides the order until visible_at; a DELETE acknowledges what was handed out,
  -- so a status change that lands in between keeps the order queued.
  queue_seq bigint NOT NULL DEFAULT 1,
  delivered_seq bigint NOT NULL DEFAULT 0,
  acked_seq bigint NOT NULL DEFAULT 0,
  queued_at timestamptz NOT NULL DEFAULT now(),
  visible_at timestamptz NOT NULL DEFAULT now(),
  queue_deliveries integer NOT NULL DEFAULT 0,
  acked_at timestamptz,
  imported_at timestamptz NOT NULL DEFAULT now(),
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The key of every import: one order per (connection, marketplace order id), whatever happens.
CREATE UNIQUE INDEX orders_connection_external_key ON orders (connection_id, external_id);
CREATE UNIQUE INDEX orders_account_code_key ON orders (account_id, code);
CREATE INDEX orders_queue_idx ON orders (account_id, queued_at, id) WHERE queue_seq > acked_seq;
CREATE INDEX orders_account_placed_idx ON orders (account_id, placed_at DESC, id DESC);

CREATE TABLE order_status_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  status_code text NOT NULL,
  status_type text NOT NULL,
  marketplace_status text,
  source text NOT NULL CHECK (source IN ('marketplace', 'erp')),
  detail jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, id);

-- An account's own statuses (SkyHub lets accounts map custom codes to status types); the
-- default statuses are not stored (orders/statuses.ts).
CREATE TABLE order_statuses (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  code text NOT NULL,
  label text NOT NULL,
  type text NOT NULL,
  PRIMARY KEY (account_id, code)
);

-- Per connection: orders changed since `since` (minus an overlap) are imported. An import in
-- progress keeps its page cursor here, written in the transaction that stores the page, so a
-- crash resumes at the first page not committed and `since` moves only once every page is in.
CREATE TABLE order_import_cursors (
  connection_id bigint PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
  since timestamptz NOT NULL,
  page_since timestamptz,
  page_cursor text,
  page_started_at timestamptz,
  max_seen timestamptz,
  last_completed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Marketplace notifications waiting to be fetched (ML's orders_v2 points at `/orders/{id}`).
-- Repeats of one resource collapse into one row.
CREATE TABLE order_notifications (
  connection_id bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  external_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  PRIMARY KEY (connection_id, external_id)
);

CREATE TABLE order_sync_errors (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  -- SkyHub's categories: marketplace → hub (import) and hub → marketplace (status relay).
  category text NOT NULL CHECK (category IN ('sync_order_mtkp_to_skyhub', 'sync_order_skyhub_to_mtkp')),
  code text NOT NULL,
  failure text NOT NULL,
  message text NOT NULL,
  marketplace_code text,
  hint text,
  attempts integer NOT NULL DEFAULT 1,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'ignored')),
  resolved_at timestamptz
);
CREATE UNIQUE INDEX order_sync_errors_open_idx ON order_sync_errors (order_id, code) WHERE status = 'open';
CREATE INDEX order_sync_errors_account_idx ON order_sync_errors (account_id, status, id DESC);

-- Status changes the ERP made, owed to the marketplace; relayed by workers, retried when the
-- marketplace fails transiently, settled as an order sync error when it refuses.
CREATE TABLE order_relays (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  transition jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX order_relays_due_idx ON order_relays (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX order_relays_order_idx ON order_relays (order_id, id);
