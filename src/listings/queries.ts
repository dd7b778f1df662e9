import type { Queryable } from '../db/db.ts';

export type Flag = 'grey' | 'yellow' | 'green' | 'red';

export interface ListingRow {
  id: number;
  account_id: number;
  connection_id: number;
  product_id: number;
  role: 'item' | 'group';
  flag: Flag;
  flag_reason: string | null;
  flag_code: string | null;
  flag_hint: string | null;
  external_id: string | null;
  external_variation_id: string | null;
  connected_at: Date | null;
  stock_seq: number;
  stock_done_seq: number;
  stock_retry_at: Date | null;
  stock_sent_qty: number | null;
  stock_sent_version: number | null;
  stock_sent_at: Date | null;
  stock_confirmed_at: Date | null;
  price_seq: number;
  price_done_seq: number;
  price_retry_at: Date | null;
  price_sent_price: number | null;
  price_sent_promotional_price: number | null;
  price_sent_version: number | null;
  price_sent_at: Date | null;
  price_confirmed_at: Date | null;
  sku: string;
}

const columns = `l.id, l.account_id, l.connection_id, l.product_id, l.role, l.flag, l.flag_reason, l.flag_code,
  l.flag_hint, l.external_id, l.external_variation_id, l.connected_at, l.stock_seq, l.stock_done_seq, l.stock_retry_at,
  l.stock_sent_qty, l.stock_sent_version, l.stock_sent_at, l.stock_confirmed_at, l.price_seq, l.price_done_seq,
  l.price_retry_at, l.price_sent_price, l.price_sent_promotional_price, l.price_sent_version, l.price_sent_at,
  l.price_confirmed_at, p.sku`;

export interface ListingState {
  accountId: number;
  connectionId: number;
  productId: number;
  role: 'item' | 'group';
  flag: Flag;
  reason?: string | null | undefined;
  code?: string | null | undefined;
  hint?: string | null | undefined;
  externalId?: string | null | undefined;
  externalVariationId?: string | null | undefined;
}

/**
 * Creates or updates the listing. Turning green makes it owe a send of both resources, so a
 * freshly connected listing receives the current stock and price at the next run.
 */
export async function saveListing(db: Queryable, s: ListingState): Promise<void> {
  await db.query(
    `INSERT INTO listings (account_id, connection_id, product_id, role, flag, flag_reason, flag_code, flag_hint,
                           external_id, external_variation_id, connected_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $5 = 'green' THEN now() END)
     ON CONFLICT (connection_id, product_id) DO UPDATE SET
       role = excluded.role, flag = excluded.flag, flag_reason = excluded.flag_reason, flag_code = excluded.flag_code,
       flag_hint = excluded.flag_hint,
       external_id = coalesce(excluded.external_id, listings.external_id),
       external_variation_id = coalesce(excluded.external_variation_id, listings.external_variation_id),
       connected_at = CASE WHEN excluded.flag = 'green' AND listings.flag <> 'green' THEN now() ELSE listings.connected_at END,
       stock_seq = CASE WHEN excluded.flag = 'green' AND listings.flag <> 'green'
                        THEN greatest(listings.stock_seq, listings.stock_done_seq) + 1 ELSE listings.stock_seq END,
       price_seq = CASE WHEN excluded.flag = 'green' AND listings.flag <> 'green'
                        THEN greatest(listings.price_seq, listings.price_done_seq) + 1 ELSE listings.price_seq END,
       stock_retry_at = NULL, price_retry_at = NULL, updated_at = now()`,
    [
      s.accountId,
      s.connectionId,
      s.productId,
      s.role,
      s.flag,
      s.reason ?? null,
      s.code ?? null,
      s.hint ?? null,
      s.externalId ?? null,
      s.externalVariationId ?? null,
    ],
  );
}

export function listingsOfProducts(
  db: Queryable,
  accountId: number,
  productIds: readonly number[],
): Promise<ListingRow[]> {
  return db.query<ListingRow>(
    `SELECT ${columns} FROM listings l JOIN products p ON p.id = l.product_id
      WHERE l.account_id = $1 AND l.product_id = ANY($2::bigint[]) ORDER BY l.connection_id, l.id`,
    [accountId, productIds],
  );
}

export function listingsOfConnection(
  db: Queryable,
  accountId: number,
  connectionId: number,
  options: { flag?: Flag | undefined; afterId?: number | undefined; limit: number },
): Promise<ListingRow[]> {
  return db.query<ListingRow>(
    `SELECT ${columns} FROM listings l JOIN products p ON p.id = l.product_id
      WHERE l.account_id = $1 AND l.connection_id = $2 AND ($3::text IS NULL OR l.flag = $3)
        AND ($4::bigint IS NULL OR l.id > $4)
      ORDER BY l.id LIMIT $5`,
    [accountId, connectionId, options.flag ?? null, options.afterId ?? null, options.limit],
  );
}

/** Listings per flag as the seller sees them (see presentListings). */
export async function countListingsByFlag(
  db: Queryable,
  accountId: number,
  connectionId: number,
  acceptsLater = false,
): Promise<Record<Flag, number>> {
  const rows = await db.query<{ flag: Flag; n: number }>(
    'SELECT flag, count(*)::int AS n FROM listings WHERE account_id = $1 AND connection_id = $2 GROUP BY flag',
    [accountId, connectionId],
  );
  const counts: Record<Flag, number> = { grey: 0, yellow: 0, green: 0, red: 0 };
  for (const r of rows) counts[r.flag] = r.n;
  // The same definition as a listing's own flag on screen: a standing refusal makes it red.
  const refused = await refusedGreen(db, accountId, connectionId);
  counts.green -= refused;
  counts.red += refused;
  if (acceptsLater) {
    const awaiting = await awaitingGreen(db, accountId, connectionId);
    counts.green -= awaiting;
    counts.yellow += awaiting;
  }
  return counts;
}

/**
 * The one definition of "this listing owes a send of this resource" (DESIGN §3.2): a green item (a
 * parent of variations is a container and owes nothing) whose product moved past what it last
 * delivered. The listings that meet it, per connection and resource, are the rows of owed_sends,
 * kept by the triggers of migration 000072 with this same condition.
 */
export function owesSend(resource: 'stock' | 'price', alias = 'l'): string {
  return `(${alias}.flag = 'green' AND ${alias}.role = 'item' AND ${alias}.${resource}_seq > ${alias}.${resource}_done_seq)`;
}

/** A marketplace's standing refusal of a listing's stock or price (an open permanent sync error). */
export interface Refusal {
  listing_id: number;
  resource: 'stock' | 'price';
  code: string;
  message: string;
  hint: string | null;
}

/**
 * The open permanent refusals of these listings: while one stands, the listing is shown red with
 * the marketplace's reason, though it stays green underneath so the next change is still sent.
 */
export function openRefusals(db: Queryable, listingIds: readonly number[]): Promise<Refusal[]> {
  return db.query<Refusal>(
    `SELECT listing_id, resource, code, message, hint FROM sync_errors
      WHERE listing_id = ANY($1::bigint[]) AND status = 'open' AND failure = 'permanent'
      ORDER BY listing_id, resource`,
    [listingIds],
  );
}

/**
 * How long a send the marketplace accepted but has not shown yet (Magalu's 202, Amazon's
 * ACCEPTED) keeps the listing yellow. Read-back confirms only a sample of a large run, so past
 * this the listing is shown green again rather than yellow for ever; 10 minutes is well beyond
 * the minutes those marketplaces take to apply a write.
 */
export const ACCEPTANCE_WINDOW_S = 600;

const awaitingSql = (alias: string) => `(
  (${alias}.stock_sent_at > now() - make_interval(secs => ${ACCEPTANCE_WINDOW_S}) AND ${alias}.stock_confirmed_at IS NULL)
  OR (${alias}.price_sent_at > now() - make_interval(secs => ${ACCEPTANCE_WINDOW_S}) AND ${alias}.price_confirmed_at IS NULL))`;

/** Green listings among these whose last send is accepted but not yet shown, with their channel. */
export function awaitingAcceptance(
  db: Queryable,
  listingIds: readonly number[],
): Promise<{ id: number; channel: string }[]> {
  return db.query<{ id: number; channel: string }>(
    `SELECT l.id, c.channel FROM listings l JOIN connections c ON c.id = l.connection_id
      WHERE l.id = ANY($1::bigint[]) AND l.flag = 'green' AND ${awaitingSql('l')}`,
    [listingIds],
  );
}

/** Green listings of the connection awaiting acceptance and not refused (shown yellow). */
async function awaitingGreen(db: Queryable, accountId: number, connectionId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM listings l
      WHERE l.account_id = $1 AND l.connection_id = $2 AND l.flag = 'green' AND ${awaitingSql('l')}
        AND NOT EXISTS (SELECT 1 FROM sync_errors e WHERE e.listing_id = l.id AND e.status = 'open'
                          AND e.failure = 'permanent')`,
    [accountId, connectionId],
  );
  return row?.n ?? 0;
}

/** Green listings of the connection that a standing refusal turns red on screen. */
async function refusedGreen(db: Queryable, accountId: number, connectionId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(DISTINCT e.listing_id)::int AS n FROM sync_errors e JOIN listings l ON l.id = e.listing_id
      WHERE e.account_id = $1 AND e.connection_id = $2 AND e.status = 'open' AND e.failure = 'permanent'
        AND l.flag = 'green'`,
    [accountId, connectionId],
  );
  return row?.n ?? 0;
}

/** Makes every listing of a connection owe a send of one resource (a rule changed). */
export async function oweAllSends(
  db: Queryable,
  connectionId: number,
  resource: 'stock' | 'price',
): Promise<number> {
  const rows = await db.query(
    `UPDATE listings SET ${resource}_seq = greatest(${resource}_seq, ${resource}_done_seq) + 1
      WHERE connection_id = $1 AND flag = 'green' RETURNING id`,
    [connectionId],
  );
  return rows.length;
}

/** Makes these products' listings owe a send of one resource (reservations, retries, manual sync). */
export async function oweSends(
  db: Queryable,
  productIds: readonly number[],
  resource: 'stock' | 'price',
  connectionId?: number,
): Promise<void> {
  await db.query(
    `UPDATE listings SET ${resource}_seq = greatest(${resource}_seq, ${resource}_done_seq) + 1, ${resource}_retry_at = NULL
      WHERE product_id = ANY($1::bigint[]) AND ($2::bigint IS NULL OR connection_id = $2)`,
    [productIds, connectionId ?? null],
  );
}
