-- What /metrics reads at scrape time, each an index lookup rather than a scan: runs finished in
-- the last hour, open sync errors by code, dead-lettered webhook deliveries, and how long the
-- oldest undelivered change has waited (the freshness an operator alerts on).
CREATE INDEX sync_runs_finished_idx ON sync_runs (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX sync_errors_open_code_idx ON sync_errors (code) WHERE status = 'open';
CREATE INDEX webhook_deliveries_dead_idx ON webhook_deliveries (id) WHERE status = 'dead';

-- Since when a listing has owed a send of each resource (NULL while it owes nothing). Kept by a
-- trigger, since every path that moves *_seq or *_done_seq (product writes, rules, reservations,
-- retries, deliveries) must keep it right. After a delivery that leaves the listing still owing
-- (a change arrived during the send), the clock restarts: what is owed then is at most as old as
-- that send, so a SKU changing every second on a healthy connection never looks stale.
ALTER TABLE listings ADD COLUMN stock_pending_since timestamptz, ADD COLUMN price_pending_since timestamptz;

UPDATE listings
   SET stock_pending_since = CASE WHEN stock_seq > stock_done_seq THEN now() END,
       price_pending_since = CASE WHEN price_seq > price_done_seq THEN now() END
 WHERE stock_seq > stock_done_seq OR price_seq > price_done_seq;

CREATE FUNCTION listings_pending_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.stock_seq <= NEW.stock_done_seq THEN
    NEW.stock_pending_since := NULL;
  ELSIF TG_OP = 'INSERT' OR OLD.stock_seq <= OLD.stock_done_seq OR NEW.stock_done_seq > OLD.stock_done_seq
        OR NEW.stock_pending_since IS NULL THEN
    NEW.stock_pending_since := now();
  END IF;
  IF NEW.price_seq <= NEW.price_done_seq THEN
    NEW.price_pending_since := NULL;
  ELSIF TG_OP = 'INSERT' OR OLD.price_seq <= OLD.price_done_seq OR NEW.price_done_seq > OLD.price_done_seq
        OR NEW.price_pending_since IS NULL THEN
    NEW.price_pending_since := now();
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER listings_pending_since BEFORE INSERT OR UPDATE OF stock_seq, stock_done_seq, price_seq, price_done_seq
  ON listings FOR EACH ROW EXECUTE FUNCTION listings_pending_since();

CREATE INDEX listings_stock_pending_since_idx ON listings (stock_pending_since)
  WHERE flag = 'green' AND role = 'item' AND stock_seq > stock_done_seq;
CREATE INDEX listings_price_pending_since_idx ON listings (price_pending_since)
  WHERE flag = 'green' AND role = 'item' AND price_seq > price_done_seq;
