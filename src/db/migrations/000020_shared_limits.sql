-- Limits shared by every process on one database (DESIGN §3.9, §5: nothing kept only in one
-- process's memory): marketplace token buckets per (connection, operation), and the seller API's
-- per-account request windows. Losing these rows costs nothing but one burst, so they are not
-- worth WAL: unlogged.
CREATE UNLOGGED TABLE rate_buckets (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  updated_at timestamptz NOT NULL,
  paused_until timestamptz
);

-- Takes up to `want` tokens from a bucket refilled at `rate` per second up to `burst`, in one
-- round trip: answers how many were granted and, when none, how long until one is free. The row
-- lock serialises takers of one bucket across processes; the time is read after the lock, so a
-- taker that waited for it never refills from a moment before the previous taker's.
CREATE FUNCTION take_rate_tokens(p_key text, p_rate double precision, p_burst double precision, p_want integer,
                                 OUT granted integer, OUT wait_ms integer) AS $$
DECLARE
  b rate_buckets%ROWTYPE;
  t timestamptz;
  available double precision;
BEGIN
  INSERT INTO rate_buckets (key, tokens, updated_at) VALUES (p_key, p_burst, clock_timestamp())
    ON CONFLICT (key) DO NOTHING;
  SELECT * INTO b FROM rate_buckets WHERE key = p_key FOR UPDATE;
  t := clock_timestamp();
  IF b.paused_until > t THEN
    granted := 0;
    wait_ms := ceil(extract(epoch FROM b.paused_until - t) * 1000);
    RETURN;
  END IF;
  available := least(p_burst, b.tokens + greatest(0, extract(epoch FROM t - b.updated_at)) * p_rate);
  granted := greatest(0, least(p_want, floor(available)))::integer;
  UPDATE rate_buckets SET tokens = available - granted, updated_at = t WHERE key = p_key;
  wait_ms := CASE WHEN granted > 0 THEN 0 ELSE ceil((1 - available) / p_rate * 1000)::integer END;
END
$$ LANGUAGE plpgsql;

CREATE UNLOGGED TABLE request_windows (
  key text PRIMARY KEY,
  started_at timestamptz NOT NULL,
  count integer NOT NULL
);
