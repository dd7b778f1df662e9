-- What each connection owes moves from partial indexes on listings to a table of its own, so that
-- recording a delivery is a HOT update of the listing. The pending indexes' conditions read
-- *_seq and *_done_seq, and the pending-since indexes read *_pending_since, all of which a
-- delivery (or a product write) changes: PostgreSQL then cannot update the row in place, and
-- every delivered or re-owed listing added an entry to each of the eight listings indexes
-- (8-10 ms of PostgreSQL's time per batch of 500 deliveries). Now no listings index reads a
-- column that a delivery or a product write changes; a delivery deletes the listing's row here
-- instead (a delete adds no index entry).
--
-- owed_sends holds exactly the (listing, resource) pairs that owe a send: a green item whose
-- *_seq is ahead of its *_done_seq (owesSend in src/listings/queries.ts). "What does this
-- connection owe?" is a range of owed_sends_connection_idx, never a scan of the catalog
-- (DESIGN §3.4).
-- It is kept by statement triggers on listings, so every path that moves a seq, a done_seq, a
-- flag or a role (product writes through listings_owe_sends, rules, reservations, retries,
-- connecting, deliveries, rejections) keeps it right without knowing it exists.
--
-- Races: every change to a listing's row locks it until its transaction ends, and the trigger
-- runs inside the statement that changed it, deciding from the row as that statement wrote it
-- (the latest version, after waiting for any other writer). A product change that lands while a
-- delivery of an older value is being recorded therefore either commits first (the delivery then
-- sees seq ahead of what it delivered, and the listing stays owed) or waits for the delivery to
-- commit (and then owes again). A listing's row here is written only by a statement that holds
-- that listing's lock, so it never disagrees with the listing once both commit.
CREATE TABLE owed_sends (
  connection_id bigint NOT NULL,
  resource text NOT NULL CHECK (resource IN ('stock', 'price')),
  listing_id bigint NOT NULL,
  -- Since when the listing has owed this resource (what /metrics' oldest pending reads). A
  -- delivery that leaves it owing (a change arrived during the send) restarts the clock: what is
  -- owed then is at most as old as that send, so a SKU changing every second on a healthy
  -- connection never looks stale. No index: /metrics reads it with the count of what is owed,
  -- which reads every row here anyway.
  since timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (listing_id, resource)
);
-- "What does this connection owe?": a range of this index, in listing id order.
CREATE INDEX owed_sends_connection_idx ON owed_sends (connection_id, resource, listing_id);

INSERT INTO owed_sends (connection_id, resource, listing_id, since)
SELECT l.connection_id, r.resource, l.id, coalesce(r.since, now())
  FROM listings l
 CROSS JOIN LATERAL (VALUES ('stock', l.stock_seq > l.stock_done_seq, l.stock_pending_since),
                            ('price', l.price_seq > l.price_done_seq, l.price_pending_since))
       AS r(resource, owes, since)
 WHERE l.flag = 'green' AND l.role = 'item' AND r.owes;

-- A listing's row here changes only when the listing starts or stops owing (or a delivery leaves
-- it owing, which restarts since): the trigger compares each updated listing's old and new rows,
-- so a product write to a listing that already owed, or a delivery of a resource it did not owe,
-- touches nothing here. The statements never join owed_sends: they reach it through its primary key
-- with arrays of listing ids. PL/pgSQL plans a statement once per connection and keeps the plan (see
-- 000070); a join planned while owed_sends looked small (a fresh install) read all of it for every
-- batch of 500 deliveries (50 ms on 20,000 owed listings). Array probes cost one index lookup per
-- listing whatever the statistics were; the one join, of the statement's old and new rows, is
-- hashed. JIT is off: seq scans being disabled inflates the estimates past jit_above_cost, and
-- compiling cost 120-390 ms a statement.
CREATE FUNCTION listings_keep_owed() RETURNS trigger LANGUAGE plpgsql
SET enable_seqscan = off SET enable_nestloop = off SET jit = off AS $$
DECLARE
  stock_gone bigint[];
  price_gone bigint[];
  owed_connections bigint[];
  owed_resources text[];
  owed_ids bigint[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM owed_sends WHERE listing_id = ANY (ARRAY(SELECT o.id FROM listings_old o));
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO owed_sends (connection_id, resource, listing_id)
    SELECT n.connection_id, r.resource, n.id
      FROM listings_new n
     CROSS JOIN LATERAL (VALUES ('stock', n.stock_seq > n.stock_done_seq), ('price', n.price_seq > n.price_done_seq))
           AS r(resource, owes)
     WHERE n.flag = 'green' AND n.role = 'item' AND r.owes
    ON CONFLICT (listing_id, resource) DO NOTHING;
    RETURN NULL;
  END IF;
  WITH moved AS (
    SELECT n.id, n.connection_id, r.resource, r.was, r.owes, r.delivered
      FROM listings_new n JOIN listings_old o ON o.id = n.id
     CROSS JOIN LATERAL (VALUES
             ('stock', o.flag = 'green' AND o.role = 'item' AND o.stock_seq > o.stock_done_seq,
                       n.flag = 'green' AND n.role = 'item' AND n.stock_seq > n.stock_done_seq,
                       n.stock_done_seq > o.stock_done_seq),
             ('price', o.flag = 'green' AND o.role = 'item' AND o.price_seq > o.price_done_seq,
                       n.flag = 'green' AND n.role = 'item' AND n.price_seq > n.price_done_seq,
                       n.price_done_seq > o.price_done_seq))
           AS r(resource, was, owes, delivered)
     WHERE r.was <> r.owes OR (r.owes AND r.delivered)
  )
  SELECT array_agg(id) FILTER (WHERE NOT owes AND resource = 'stock'),
         array_agg(id) FILTER (WHERE NOT owes AND resource = 'price'),
         array_agg(connection_id) FILTER (WHERE owes),
         array_agg(resource) FILTER (WHERE owes),
         array_agg(id) FILTER (WHERE owes)
    INTO stock_gone, price_gone, owed_connections, owed_resources, owed_ids
    FROM moved;
  IF stock_gone IS NOT NULL THEN
    DELETE FROM owed_sends WHERE listing_id = ANY (stock_gone) AND resource = 'stock';
  END IF;
  IF price_gone IS NOT NULL THEN
    DELETE FROM owed_sends WHERE listing_id = ANY (price_gone) AND resource = 'price';
  END IF;
  IF owed_ids IS NOT NULL THEN
    -- Newly owed, or delivered while a newer change arrived: owed since now.
    INSERT INTO owed_sends (connection_id, resource, listing_id)
    SELECT * FROM unnest(owed_connections, owed_resources, owed_ids)
    ON CONFLICT (listing_id, resource) DO UPDATE SET since = now();
  END IF;
  RETURN NULL;
END;
$$;

-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers (and
-- not with a column list, so the UPDATE trigger runs on every update of listings; one that moves
-- nothing owed costs its probes and writes nothing).
CREATE TRIGGER listings_keep_owed_insert AFTER INSERT ON listings
  REFERENCING NEW TABLE AS listings_new FOR EACH STATEMENT EXECUTE FUNCTION listings_keep_owed();
CREATE TRIGGER listings_keep_owed_update AFTER UPDATE ON listings
  REFERENCING OLD TABLE AS listings_old NEW TABLE AS listings_new
  FOR EACH STATEMENT EXECUTE FUNCTION listings_keep_owed();
CREATE TRIGGER listings_keep_owed_delete AFTER DELETE ON listings
  REFERENCING OLD TABLE AS listings_old FOR EACH STATEMENT EXECUTE FUNCTION listings_keep_owed();

-- What the partial indexes and the pending-since trigger did, owed_sends now does.
DROP INDEX listings_stock_pending_idx;
DROP INDEX listings_price_pending_idx;
DROP INDEX listings_stock_pending_since_idx;
DROP INDEX listings_price_pending_since_idx;
DROP TRIGGER listings_pending_since ON listings;
DROP FUNCTION listings_pending_since();
ALTER TABLE listings DROP COLUMN stock_pending_since, DROP COLUMN price_pending_since;

-- A HOT update needs room for the new row version on the listing's page. A first sync of a
-- connection (or a resync) delivers every listing of a page in one batch, since runs go in id
-- order: with 15% free, 16% of a 100,000-listing run's deliveries were HOT; with half the page
-- free, 92% (the rest each still add an entry to every listings index). Pages written before this
-- keep their old fill until rewritten; every update that cannot stay on its page moves the row to
-- a page written since, so the table converges as it is used. The size is the same as before once
-- each listing has been updated once (each then had a dead version besides it until vacuum).
ALTER TABLE listings SET (fillfactor = 50);
