-- A product write whose products are listed nowhere (a seller who has not connected a marketplace
-- yet, or SKUs not published) updates no listing: the trigger now finds that with one probe of
-- listings_product_idx per product and stops there, instead of running its UPDATE of listings.
-- That UPDATE, even when it changes no row, fires the statement triggers on listings that keep
-- owed_sends (000072), each a PL/pgSQL call with its own settings.
CREATE OR REPLACE FUNCTION listings_owe_sends() RETURNS trigger LANGUAGE plpgsql
SET enable_seqscan = off SET enable_nestloop = off AS $$
DECLARE
  ids bigint[];
  stock boolean[];
  price boolean[];
BEGIN
  SELECT array_agg(n.id),
         array_agg(n.stock_version <> o.stock_version OR n.removed_at IS DISTINCT FROM o.removed_at),
         array_agg(n.price_version <> o.price_version OR n.removed_at IS DISTINCT FROM o.removed_at)
    INTO ids, stock, price
    FROM changed_new n JOIN changed_old o ON o.id = n.id
   WHERE n.stock_version <> o.stock_version OR n.price_version <> o.price_version
      OR n.removed_at IS DISTINCT FROM o.removed_at;
  IF ids IS NULL OR NOT EXISTS (SELECT 1 FROM listings l WHERE l.product_id = ANY (ids)) THEN
    RETURN NULL;
  END IF;
  UPDATE listings l
     SET stock_seq = l.stock_seq + m.stock::int,
         price_seq = l.price_seq + m.price::int
    FROM unnest(ids, stock, price) AS m(id, stock, price)
   WHERE l.product_id = ANY (ids) AND l.product_id = m.id;
  RETURN NULL;
END;
$$;
