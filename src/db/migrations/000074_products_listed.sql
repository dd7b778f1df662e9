-- A product write to a product listed nowhere now costs its trigger one look at the rows it wrote.
-- products_listings_owe_sends fires on every UPDATE of products (PostgreSQL allows no column list
-- on a trigger with transition tables). Until now its function then joined the statement's old
-- and new rows and probed listings_product_idx for each product, under SET clauses that disable
-- seq scans and nested loops: on PGlite that was 40% of a single stock write (about 135 µs of 460,
-- the SET clauses alone 40), for a seller who has not connected a marketplace yet, or a SKU not
-- published anywhere.
--
-- products.listed says a listing of the product exists, or once did: it is set by the statement
-- that creates the listing and never cleared (a stale true only costs the look at listings that
-- every write paid before). The trigger reads it from the rows the UPDATE wrote, so no statement
-- here can be planned into a scan of listings or products, whatever the statistics say.
--
-- Races: the statement that inserts a listing sets listed with an UPDATE of the product's row,
-- which waits for any stock or price write holding that row. A write that commits first and saw
-- listed = false owes nothing, and nothing is lost: a new listing owes both resources from the
-- start (stock_seq 1 > stock_done_seq 0, or a move to green bumps them; see saveListing), and its
-- run sends the product's values as they are then. A write that comes after sees listed = true.
ALTER TABLE products ADD COLUMN listed boolean NOT NULL DEFAULT false;
UPDATE products p SET listed = true WHERE EXISTS (SELECT 1 FROM listings l WHERE l.product_id = p.id);

CREATE FUNCTION products_mark_listed() RETURNS trigger LANGUAGE plpgsql
SET enable_seqscan = off AS $$
BEGIN
  UPDATE products SET listed = true
   WHERE id = ANY (ARRAY(SELECT DISTINCT n.product_id FROM listings_new n)) AND NOT listed;
  RETURN NULL;
END;
$$;

CREATE TRIGGER listings_mark_products_listed AFTER INSERT ON listings
  REFERENCING NEW TABLE AS listings_new FOR EACH STATEMENT EXECUTE FUNCTION products_mark_listed();

-- The work of 000073, reached only when a written row is listed. Its statements need seq scans
-- and nested loops off (a plan made on a small catalog would otherwise scan listings, or join
-- the old and new rows in a loop); they are turned off for those statements alone, because a
-- function's SET clause costs every call, listed or not.
CREATE OR REPLACE FUNCTION listings_owe_sends() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
  stock boolean[];
  price boolean[];
  seqscan text;
  nestloop text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM changed_new n WHERE n.listed) THEN
    RETURN NULL;
  END IF;
  seqscan := current_setting('enable_seqscan');
  nestloop := current_setting('enable_nestloop');
  PERFORM set_config('enable_seqscan', 'off', true), set_config('enable_nestloop', 'off', true);
  SELECT array_agg(n.id),
         array_agg(n.stock_version <> o.stock_version OR n.removed_at IS DISTINCT FROM o.removed_at),
         array_agg(n.price_version <> o.price_version OR n.removed_at IS DISTINCT FROM o.removed_at)
    INTO ids, stock, price
    FROM changed_new n JOIN changed_old o ON o.id = n.id
   WHERE n.listed
     AND (n.stock_version <> o.stock_version OR n.price_version <> o.price_version
          OR n.removed_at IS DISTINCT FROM o.removed_at);
  IF ids IS NOT NULL AND EXISTS (SELECT 1 FROM listings l WHERE l.product_id = ANY (ids)) THEN
    UPDATE listings l
       SET stock_seq = l.stock_seq + m.stock::int,
           price_seq = l.price_seq + m.price::int
      FROM unnest(ids, stock, price) AS m(id, stock, price)
     WHERE l.product_id = ANY (ids) AND l.product_id = m.id;
  END IF;
  PERFORM set_config('enable_seqscan', seqscan, true), set_config('enable_nestloop', nestloop, true);
  RETURN NULL;
END;
$$;
