-- Order reservations (DESIGN §4.3): the units of an imported order the ERP has not acknowledged
-- are held back from every channel's effective stock. A reservation is active while it is not
-- released (cancellation) and the ERP has not pushed a new stock for the SKU since it
-- acknowledged the order: that rule is read off products.stock_changed_at (orders/reservations.ts),
-- so the catalog's write path needs no hook.
CREATE TABLE order_reservations (
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  account_id bigint NOT NULL,
  qty integer NOT NULL CHECK (qty > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  acked_at timestamptz,
  released_at timestamptz,
  PRIMARY KEY (order_id, product_id)
);
CREATE INDEX order_reservations_product_idx ON order_reservations (product_id) WHERE released_at IS NULL;

-- Per-account order settings; an account without a row has the defaults.
CREATE TABLE order_settings (
  account_id bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  reservations boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);
