/**
 * Read models for the console: the Painel (per connection: status, flags, pending changes and how
 * old the oldest is, the schedule's next run, the last run per resource, open errors) and the
 * flags of one page of products. Each query is an index range (pending uses the partial pending
 * indexes), so the Painel costs the same on a 1M-SKU catalog as on a small one.
 */
import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { searchProducts } from '../catalog/browse.ts';
import { adapterFor } from '../channels/registry.ts';
import { connectionsOf, presentConnection } from '../connections/connections.ts';
import type { Queryable } from '../db/db.ts';
import { preferredLanguage } from '../i18n/language.ts';
import { presentListings } from '../listings/listings.ts';
import { countListingsByFlag, listingsOfProducts } from '../listings/queries.ts';
import { listRuns, presentRun } from '../sync/runs.ts';
import { everyLabel, type resources, type TargetRow, targetsOf } from '../sync/schedules.ts';
import { productFields } from './contract/catalog.ts';
import { withExample } from './contract/common.ts';
import {
  Dashboard,
  type DashboardConnection,
  dashboardExample,
  ListingsOfSkus,
  listingsOfSkusExample,
  SearchQuery,
  SearchResult,
  SkuQuery,
} from './contract/dashboard.ts';
import { sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';

const tags = ['Console'];

interface PendingRow {
  stock: number;
  price: number;
  stock_since: Date | null;
  price_since: Date | null;
}

/**
 * Listings that owe a send, and since when. A listing's owed change is dated by the latest of the
 * product's change, the last delivery and the connection of the listing: a lower bound of its age.
 */
async function pendingOf(db: Queryable, connectionId: number): Promise<PendingRow> {
  const [row] = await db.query<PendingRow>(
    `SELECT count(*) FILTER (WHERE o.resource = 'stock')::int AS stock,
            count(*) FILTER (WHERE o.resource = 'price')::int AS price,
            min(greatest(p.stock_changed_at, l.stock_sent_at, l.connected_at)) FILTER (WHERE o.resource = 'stock') AS stock_since,
            min(greatest(p.price_changed_at, l.price_sent_at, l.connected_at)) FILTER (WHERE o.resource = 'price') AS price_since
       FROM owed_sends o JOIN listings l ON l.id = o.listing_id JOIN products p ON p.id = l.product_id
      WHERE o.connection_id = $1`,
    [connectionId],
  );
  return row!;
}

/**
 * Open sync errors per connection and resource, and how many are refusals (permanent): a
 * resource with a refusal is not "up to date" even when nothing is pending, since the refused
 * value is settled until something changes.
 */
function openErrorsByConnection(db: Queryable, accountId: number) {
  return db.query<{ connection_id: number; resource: string; n: number; refused: number }>(
    `SELECT connection_id, resource, count(*)::int AS n,
            count(*) FILTER (WHERE failure = 'permanent')::int AS refused
       FROM sync_errors WHERE account_id = $1 AND status = 'open'
      GROUP BY connection_id, resource`,
    [accountId],
  );
}

function liveProductIds(db: Queryable, accountId: number, skus: readonly string[]) {
  return db.query<{ id: number; sku: string }>(
    'SELECT id, sku FROM products WHERE account_id = $1 AND sku = ANY($2::text[]) AND removed_at IS NULL',
    [accountId, skus],
  );
}

interface AccountFacts {
  errors: Awaited<ReturnType<typeof openErrorsByConnection>>;
  targets: TargetRow[];
}

async function connectionSummary(
  db: Queryable,
  accountId: number,
  facts: AccountFacts,
  c: ConnRow,
): Promise<Static<typeof DashboardConnection>> {
  const targets = facts.targets.filter((t) => t.connection_id === c.id);
  const pending = await pendingOf(db, c.id);
  const errors = facts.errors.filter((e) => e.connection_id === c.id);
  const refused = (resource: string) =>
    errors.filter((e) => e.resource === resource).reduce((sum, e) => sum + e.refused, 0);
  const lastRun = async (resource: (typeof resources)[number]) => {
    const [run] = await listRuns(db, { accountId, connectionId: c.id, resource, limit: 1 });
    return run ? presentRun(run) : null;
  };
  const planned = (resource: (typeof resources)[number]) => {
    const t = targets.find((x) => x.resource === resource);
    return t
      ? { every: everyLabel(t.every_minutes), next_run_at: t.next_run_at?.toISOString() ?? null }
      : null;
  };
  return {
    connection: presentConnection(c),
    listings: await countListingsByFlag(
      db,
      accountId,
      c.id,
      adapterFor(c.channel).capabilities.asyncAcceptance,
    ),
    pending: {
      stock: { count: pending.stock, since: pending.stock_since?.toISOString() ?? null },
      price: { count: pending.price, since: pending.price_since?.toISOString() ?? null },
    },
    refused: { stock: refused('stock'), price: refused('price') },
    schedule: {
      stock: planned('stock'),
      price: planned('price'),
      orders: planned('orders'),
      catalog: planned('catalog'),
    },
    last_runs: {
      stock: await lastRun('stock'),
      price: await lastRun('price'),
      orders: await lastRun('orders'),
      catalog: await lastRun('catalog'),
    },
    open_errors: errors.reduce((sum, e) => sum + e.n, 0),
  };
}

type ConnRow = Awaited<ReturnType<typeof connectionsOf>>[number];

export function dashboardRoutes(api: SellerApi): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;

  api.get(
    '/catalog/search',
    {
      schema: {
        operationId: 'searchCatalog',
        tags,
        summary: 'Products whose name or SKU (or a variation SKU) contains q, ignoring accents and case',
        security: sellerSecurity,
        querystring: SearchQuery,
        response: { 200: withExample(SearchResult, { products: [productFields], total: 1 }) },
      },
    },
    async (request) =>
      searchProducts(api.db, account(request), request.query.q, {
        page: request.query.page ?? 1,
        perPage: request.query.per_page ?? 50,
      }),
  );

  api.get(
    '/dashboard',
    {
      schema: {
        operationId: 'getDashboard',
        tags,
        summary: 'Per connection: status, pending, schedule, last runs, errors',
        security: sellerSecurity,
        response: { 200: withExample(Dashboard, dashboardExample) },
      },
    },
    async (request) => {
      const accountId = account(request);
      const facts = {
        errors: await openErrorsByConnection(api.db, accountId),
        targets: await targetsOf(api.db, accountId),
      };
      const connections = [];
      for (const c of await connectionsOf(api.db, accountId)) {
        connections.push(await connectionSummary(api.db, accountId, facts, c));
      }
      return { connections };
    },
  );

  api.get(
    '/listings',
    {
      schema: {
        operationId: 'listListingsOfSkus',
        tags,
        summary: 'The listings (flags) of these SKUs on every connection: ?sku=A&sku=B (up to 100)',
        security: sellerSecurity,
        querystring: SkuQuery,
        response: { 200: withExample(ListingsOfSkus, listingsOfSkusExample) },
      },
    },
    async (request) => {
      const skus = [request.query.sku].flat();
      const products = await liveProductIds(api.db, account(request), skus);
      const rows = await listingsOfProducts(
        api.db,
        account(request),
        products.map((p) => p.id),
      );
      return {
        listings: await presentListings(api.db, rows, preferredLanguage(request.headers['accept-language'])),
      };
    },
  );
}
