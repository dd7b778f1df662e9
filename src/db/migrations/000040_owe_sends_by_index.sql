-- A product write reaches its listings through listings_product_idx whatever the planner's
-- statistics say. The first version joined the transition tables to listings, and PL/pgSQL plans
-- that statement once per connection: planned while listings was small (a fresh install, where
-- the first writes come before any listing), the plan read every listing of the database on each
-- product write until autovacuum happened to analyze listings. Seq scans are disabled inside the
-- function so no plan, whenever it is made, can prefer one to the index.
CREATE OR REPLACE FUNCTION listings_owe_sends() RETURNS trigger LANGUAGE plpgsql
SET enable_seqscan = off AS $$
BEGIN
  WITH moved AS (
    SELECT n.id,
           n.stock_version <> o.stock_version OR n.removed_at IS DISTINCT FROM o.removed_at AS stock,
           n.price_version <> o.price_version OR n.removed_at IS DISTINCT FROM o.removed_at AS price
      FROM changed_new n JOIN changed_old o ON o.id = n.id
     WHERE n.stock_version <> o.stock_version OR n.price_version <> o.price_version
        OR n.removed_at IS DISTINCT FROM o.removed_at
  )
  UPDATE listings l
     SET stock_seq = l.stock_seq + m.stock::int,
         price_seq = l.price_seq + m.price::int
    FROM moved m
   WHERE l.product_id = ANY (ARRAY(SELECT id FROM moved)) AND l.product_id = m.id;
  RETURN NULL;
END;
$$;
