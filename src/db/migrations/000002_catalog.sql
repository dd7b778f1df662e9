-- The catalog: products and their variations (a variation is a SKU of its own, with parent_id),
-- per-resource versions (DESIGN §3.2) and the history of accepted changes.
CREATE TABLE products (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  sku text NOT NULL,
  parent_id bigint REFERENCES products (id),
  name text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),
  qty integer NOT NULL DEFAULT 0 CHECK (qty >= 0),
  price numeric(12, 2),
  promotional_price numeric(12, 2),
  -- Versions only grow, across deletion and re-creation of the SKU, so a listing's delivered
  -- version can never be mistaken for a newer one.
  stock_version bigint NOT NULL DEFAULT 1,
  price_version bigint NOT NULL DEFAULT 1,
  stock_changed_at timestamptz NOT NULL DEFAULT now(),
  price_changed_at timestamptz NOT NULL DEFAULT now(),
  -- The ERP's own stamps of its latest accepted write (stale-write protection): a write stamped
  -- older than these is refused for that item.
  stock_source_at timestamptz,
  stock_source_seq bigint,
  price_source_at timestamptz,
  price_source_seq bigint,
  -- The values just before the latest write: an UPDATE cannot return old values, so it keeps
  -- them here for the history entry it writes in the same statement (see catalog/stock-price.ts).
  prev_qty integer,
  prev_price numeric(12, 2),
  prev_promotional_price numeric(12, 2),
  -- The rest of SkyHub's product fields (description, brand, ean, images, categories, ...).
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  UNIQUE (account_id, sku)
) WITH (fillfactor = 85);
-- fillfactor: stock and price writes touch no indexed column, so with room left on each page
-- they are HOT updates (no index writes); this doubled bulk write throughput in bench:ingest.
CREATE INDEX products_account_live_idx ON products (account_id, id) WHERE removed_at IS NULL AND parent_id IS NULL;
CREATE INDEX products_parent_idx ON products (parent_id) WHERE parent_id IS NOT NULL;

-- One row per accepted change. Stock and price changes, the bulk of the rows, keep their values
-- in plain columns (no JSON to build) and the table has one index and no foreign key: this is
-- the write path's largest cost after the update itself (see docs/BENCHMARKS.md).
CREATE TABLE product_changes (
  id bigint GENERATED ALWAYS AS IDENTITY,
  product_id bigint NOT NULL,
  account_id bigint NOT NULL,
  resource text NOT NULL,
  version bigint,
  old_qty integer,
  new_qty integer,
  old_price numeric(12, 2),
  new_price numeric(12, 2),
  old_promotional_price numeric(12, 2),
  new_promotional_price numeric(12, 2),
  -- catalog and lifecycle changes: {"old": {...}, "new": {...}}
  detail jsonb,
  api_key_id bigint,
  actor text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_changes_product_idx ON product_changes (product_id, id DESC);

CREATE TABLE categories (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  code text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (account_id, code)
);

CREATE TABLE attributes (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name text NOT NULL,
  label text NOT NULL DEFAULT '',
  options jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (account_id, name)
);
