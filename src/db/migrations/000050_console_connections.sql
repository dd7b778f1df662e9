-- The seller as the marketplace names them (Mercado Livre's nickname, a shop's name), shown in the
-- console instead of a bare numeric id.
ALTER TABLE connections ADD COLUMN seller_name text;

-- Deleting a connection removes its links (listings, schedules' targets, runs, sync errors) but
-- keeps the orders it brought in: they are the seller's records, and the ERP may not have taken
-- them yet. They only lose the link to the deleted connection.
ALTER TABLE orders DROP CONSTRAINT orders_connection_id_fkey;
ALTER TABLE orders ADD CONSTRAINT orders_connection_id_fkey
  FOREIGN KEY (connection_id) REFERENCES connections (id) ON DELETE SET NULL;
