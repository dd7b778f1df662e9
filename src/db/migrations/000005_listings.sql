-- Listings: a product (or variation) on one connection, with its flag and its sync state.
-- A listing owes a send of a resource while its *_seq is ahead of *_done_seq (DESIGN §3.2): the
-- seq moves whenever what the marketplace should show may have changed (the product's value, a
-- rule, a reservation, a retry), and a run that delivered what it read at seq s sets done_seq to s.
-- A change that lands during a send moves seq past s, so the listing stays pending: nothing is
-- lost and nothing older is ever marked as the latest.
CREATE TABLE listings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  connection_id bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES products (id),
  -- 'item' listings carry stock and price; a 'group' is a product whose variations are the items.
  role text NOT NULL DEFAULT 'item' CHECK (role IN ('item', 'group')),
  flag text NOT NULL DEFAULT 'yellow' CHECK (flag IN ('grey', 'yellow', 'green', 'red')),
  flag_reason text,
  flag_code text,
  flag_hint text,
  external_id text,
  external_variation_id text,
  connected_at timestamptz,
  stock_seq bigint NOT NULL DEFAULT 1,
  stock_done_seq bigint NOT NULL DEFAULT 0,
  stock_retry_at timestamptz,
  stock_attempts integer NOT NULL DEFAULT 0,
  stock_sent_qty integer,
  stock_sent_version bigint,
  stock_sent_at timestamptz,
  stock_confirmed_at timestamptz,
  price_seq bigint NOT NULL DEFAULT 1,
  price_done_seq bigint NOT NULL DEFAULT 0,
  price_retry_at timestamptz,
  price_attempts integer NOT NULL DEFAULT 0,
  price_sent_price numeric(12, 2),
  price_sent_promotional_price numeric(12, 2),
  price_sent_version bigint,
  price_sent_at timestamptz,
  price_confirmed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (connection_id, product_id)
) WITH (fillfactor = 85);
CREATE INDEX listings_product_idx ON listings (product_id);
CREATE INDEX listings_connection_flag_idx ON listings (connection_id, flag, id);
-- "What does this connection owe?" is an index range, never a scan of the catalog (DESIGN §3.4).
CREATE INDEX listings_stock_pending_idx ON listings (connection_id, id)
  WHERE flag = 'green' AND role = 'item' AND stock_seq > stock_done_seq;
CREATE INDEX listings_price_pending_idx ON listings (connection_id, id)
  WHERE flag = 'green' AND role = 'item' AND price_seq > price_done_seq;

-- When a product's stock or price version moves (or it is removed or brought back), each of its
-- listings owes a send. A statement-level trigger handles a 1,000-item bulk write in one UPDATE.
CREATE FUNCTION listings_owe_sends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE listings l
     SET stock_seq = l.stock_seq + (n.stock_version <> o.stock_version OR n.removed_at IS DISTINCT FROM o.removed_at)::int,
         price_seq = l.price_seq + (n.price_version <> o.price_version OR n.removed_at IS DISTINCT FROM o.removed_at)::int
    FROM changed_new n JOIN changed_old o ON o.id = n.id
   WHERE l.product_id = n.id
     AND (n.stock_version <> o.stock_version OR n.price_version <> o.price_version
          OR n.removed_at IS DISTINCT FROM o.removed_at);
  RETURN NULL;
END;
$$;

CREATE TRIGGER products_listings_owe_sends AFTER UPDATE ON products
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION listings_owe_sends();
