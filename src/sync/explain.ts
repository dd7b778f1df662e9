/**
 * "Why didn't my stock update?" (DESIGN §3.10): for each listing of a SKU, the flag and why, the
 * ERP's value and version, the effective value after rules, what was last delivered (and
 * confirmed), whether a send is owed and what it waits for. Written for a seller, exact for a machine.
 */
import type { Static } from 'typebox';
import { catalogItem, type ProductRow } from '../catalog/for-channel.ts';
import { adapterFor } from '../channels/registry.ts';
import { type ConnectionRow, listConnections } from '../connections/queries.ts';
import type { Queryable } from '../db/db.ts';
import type * as contract from '../http/contract/sync.ts';
import { hintText } from '../i18n/hints.ts';
import type { Language } from '../i18n/language.ts';
import { ACCEPTANCE_WINDOW_S, type ListingRow, listingsOfProducts } from '../listings/queries.ts';
import { effectivePrice, effectiveStock, presentPrice, type Rules } from '../rules/rules.ts';
import { leaseHolder } from './lease.ts';
import { owesSendRow } from './owed.ts';
import type { SyncResource } from './queries.ts';
import { everyLabel, type TargetRow, targetsOf } from './schedules.ts';

type Explain = Static<typeof contract.Explain>;
type StockExplain = Static<typeof contract.StockExplain>;
type PriceExplain = Static<typeof contract.PriceExplain>;
type SendState = Pick<StockExplain, 'pending' | 'waiting_for' | 'last_error'>;

interface OpenError {
  listing_id: number;
  resource: string;
  code: string;
  failure: string;
  message: string;
  hint: string | null;
  attempts: number;
  last_seen_at: Date;
}

export async function explainSku(
  db: Queryable,
  accountId: number,
  sku: string,
  reserved: (productId: number) => number = () => 0,
  lang: Language = 'en',
): Promise<Explain> {
  const item = await catalogItem(db, accountId, sku);
  const rows = [item.row, ...item.variations];
  const listings = await listingsOfProducts(
    db,
    accountId,
    rows.map((r) => r.id),
  );
  const connections = await listConnections(db, accountId);
  const targets = await targetsOf(db, accountId);
  const errors = await db.query<OpenError>(
    `SELECT listing_id, resource, code, failure, message, hint, attempts, last_seen_at FROM sync_errors
      WHERE account_id = $1 AND status = 'open' AND listing_id = ANY($2::bigint[])`,
    [accountId, listings.map((l) => l.id)],
  );
  const explanations: Explain['listings'] = [];
  for (const connection of connections) {
    for (const row of rows) {
      const listing = listings.find((l) => l.connection_id === connection.id && l.product_id === row.id);
      if (!listing && row.parent_id === null && item.variations.length > 0) continue;
      const context = { connection, row, listing, targets, errors, reserved: reserved(row.id), lang };
      // A standing refusal of the stock or price shows red with the marketplace's reason (DESIGN §2).
      const refusal = listing?.flag === 'green' ? standingRefusal(errors, listing.id) : undefined;
      const awaiting = !refusal && !!listing && awaitingAcceptance(connection, listing);
      explanations.push({
        sku: row.sku,
        connection: {
          id: connection.id,
          name: connection.name,
          channel: connection.channel,
          status: connection.status,
        },
        flag: refusal ? 'red' : awaiting ? 'yellow' : (listing?.flag ?? 'grey'),
        flag_code: refusal ? refusal.code : awaiting ? 'awaiting_acceptance' : (listing?.flag_code ?? null),
        flag_reason: refusal
          ? refusal.message
          : awaiting
            ? 'the marketplace accepted the last send and has not shown it yet'
            : listing
              ? (listing.flag_reason ?? flagMeaning[listing.flag])
              : 'not connected to this marketplace',
        // Variations carry a parent's stock and price: the parent itself owes nothing.
        container: listing?.role === 'group',
        external_id: listing?.external_id ?? null,
        stock: { ...stockValues(context), ...(await sendState(db, 'stock', context)) },
        price: { ...priceValues(context), ...(await sendState(db, 'price', context)) },
      });
    }
  }
  return { sku, listings: explanations };
}

const flagMeaning = {
  green: 'connected: stock and price flow',
  yellow: 'connection pending: the marketplace has not confirmed the listing yet',
  red: 'error: see the reason',
  grey: 'not connected',
} as const;

/** A green listing whose last send a marketplace that applies writes later has not shown yet. */
function awaitingAcceptance(connection: ConnectionRow, l: ListingRow): boolean {
  if (l.flag !== 'green' || !adapterFor(connection.channel).capabilities.asyncAcceptance) return false;
  const since = Date.now() - ACCEPTANCE_WINDOW_S * 1000;
  const open = (sent: Date | null, confirmed: Date | null) => !!sent && sent.getTime() > since && !confirmed;
  return open(l.stock_sent_at, l.stock_confirmed_at) || open(l.price_sent_at, l.price_confirmed_at);
}

function standingRefusal(errors: readonly OpenError[], listingId: number): OpenError | undefined {
  return errors.find((e) => e.listing_id === listingId && e.failure === 'permanent');
}

interface Context {
  connection: ConnectionRow;
  row: ProductRow;
  listing: ListingRow | undefined;
  targets: TargetRow[];
  errors: OpenError[];
  reserved: number;
  lang: Language;
}

function stockValues(c: Context): Omit<StockExplain, keyof SendState> {
  const rules = (c.connection.rules ?? {}) as Rules;
  const l = c.listing;
  const sellable = c.row.removed_at === null && c.row.status === 'enabled';
  return {
    erp_value: c.row.qty,
    erp_version: c.row.stock_version,
    reserved: c.reserved,
    effective_value: effectiveStock({ qty: c.row.qty, reserved: c.reserved, sellable }, rules.stock),
    last_sent: l?.stock_sent_at
      ? {
          value: l.stock_sent_qty,
          version: l.stock_sent_version,
          at: l.stock_sent_at.toISOString(),
          confirmed_at: l.stock_confirmed_at?.toISOString() ?? null,
        }
      : null,
  };
}

function priceValues(c: Context): Omit<PriceExplain, keyof SendState> {
  const rules = (c.connection.rules ?? {}) as Rules;
  const l = c.listing;
  return {
    erp_value: { price: c.row.price, promotional_price: c.row.promotional_price },
    erp_version: c.row.price_version,
    effective_value: presentPrice(
      effectivePrice({ price: c.row.price, promotionalPrice: c.row.promotional_price }, rules.price),
    ),
    last_sent: l?.price_sent_at
      ? {
          value: { price: l.price_sent_price, promotional_price: l.price_sent_promotional_price },
          version: l.price_sent_version,
          at: l.price_sent_at.toISOString(),
          confirmed_at: l.price_confirmed_at?.toISOString() ?? null,
        }
      : null,
  };
}

/** Whether a send is owed, what it waits for and the last refusal: the same for stock and price. */
async function sendState(db: Queryable, resource: SyncResource, c: Context): Promise<SendState> {
  const l = c.listing;
  const pending = !!l && owesSendRow(l, resource);
  const error = l && c.errors.find((e) => e.listing_id === l.id && e.resource === resource);
  return {
    pending,
    waiting_for: await waitingFor(db, resource, c, pending, error),
    last_error: error
      ? {
          code: error.code,
          failure: error.failure,
          message: error.message,
          hint: hintText({ code: error.code, failure: error.failure, hint: error.hint }, c.lang),
          attempts: error.attempts,
          at: error.last_seen_at.toISOString(),
        }
      : null,
  };
}

async function waitingFor(
  db: Queryable,
  resource: SyncResource,
  c: Context,
  pending: boolean,
  error: OpenError | undefined,
): Promise<SendState['waiting_for']> {
  const l = c.listing;
  const name = c.connection.name;
  if (l?.role === 'group')
    return { code: 'container', message: `the variations carry the stock and price to ${name}` };
  if (!l || l.flag === 'grey')
    return { code: 'not_connected', message: `the product is not connected to ${name}` };
  if (l.flag !== 'green')
    return {
      code: `flag_${l.flag}`,
      message: `the listing on ${name} is ${l.flag}: ${l.flag_reason ?? flagMeaning[l.flag]}`,
    };
  if (c.connection.status !== 'active') {
    return {
      code: `connection_${c.connection.status}`,
      message: `${name} is ${c.connection.status}${c.connection.status_reason ? `: ${c.connection.status_reason}` : ''}; reconnect it`,
    };
  }
  if (!pending) {
    if (error)
      return {
        code: 'rejected',
        message: `last attempt rejected by ${name}: ${error.message}; Cais tries again when the product or a rule changes, or when you press retry`,
      };
    return { code: 'up_to_date', message: `${name} has the latest value` };
  }
  const retryAt = resource === 'stock' ? l.stock_retry_at : l.price_retry_at;
  if (retryAt && retryAt > new Date()) {
    return {
      code: 'retrying',
      message: `retrying at ${retryAt.toISOString()} after: ${error?.message ?? 'a temporary failure'}`,
      at: retryAt.toISOString(),
    };
  }
  if (await leaseHolder(db, { connectionId: c.connection.id, resource })) {
    return { code: 'running', message: `a ${resource} sync to ${name} is running now` };
  }
  const target = c.targets.find((t) => t.connection_id === c.connection.id && t.resource === resource);
  if (!target)
    return {
      code: 'no_schedule',
      message: `no active ${resource} schedule for ${name}; schedule one or sync this product by hand`,
    };
  if (target.every_minutes === null)
    return { code: 'continuous', message: `continuous sync to ${name}: delivered within seconds` };
  const at = target.next_run_at?.toISOString() ?? null;
  return {
    code: 'next_run',
    message: `next ${resource} run to ${name} (every ${everyLabel(target.every_minutes)}) at ${at}`,
    at,
  };
}
