/**
 * Rehub product actions: `link` connects SKUs to marketplaces, `unlink` takes them off sale,
 * `price_entry` sends their stock and price now. Each action is recorded with a result per SKU
 * and connection; SkyHub answers with an id to read the outcome by.
 */
import type { Connections } from '../connections/connections.ts';
import { listConnections } from '../connections/queries.ts';
import type { Queryable } from '../db/db.ts';
import { isCaisError, notFound } from '../errors.ts';
import { connectProduct, disconnectProduct } from '../listings/listings.ts';
import { syncProductNow } from '../sync/manual.ts';

export const actionTypes = ['link', 'unlink', 'price_entry'] as const;
export type ActionType = (typeof actionTypes)[number];

export interface ActionRequest {
  type: ActionType;
  skus: string[];
  /** Only this connection; all of the account's active connections otherwise. */
  connectionId?: number | undefined;
}

export interface ActionResult {
  sku: string;
  connection_id?: number;
  outcome: 'ok' | 'failed';
  detail?: unknown;
  error?: string;
}

export type ActionStatus = 'processing' | 'done' | 'partial' | 'failed';

export async function runAction(
  deps: Connections,
  accountId: number,
  request: ActionRequest,
): Promise<number> {
  const connectionIds = await targetConnections(deps.db, accountId, request.connectionId);
  const [row] = await deps.db.query<{ id: number }>(
    'INSERT INTO rehub_actions (account_id, type, request) VALUES ($1, $2, $3) RETURNING id',
    [
      accountId,
      request.type,
      JSON.stringify({ skus: request.skus, connection_id: request.connectionId ?? null }),
    ],
  );
  const results: ActionResult[] = [];
  for (const sku of request.skus) {
    if (request.type === 'price_entry') {
      results.push(
        await attempt(sku, undefined, () => syncProductNow(deps, accountId, sku, request.connectionId)),
      );
      continue;
    }
    for (const connectionId of connectionIds) {
      const work = request.type === 'link' ? connectProduct : disconnectProduct;
      results.push(await attempt(sku, connectionId, () => work(deps, accountId, sku, connectionId)));
    }
  }
  const failed = results.filter((r) => r.outcome === 'failed').length;
  const status: ActionStatus = failed === 0 ? 'done' : failed === results.length ? 'failed' : 'partial';
  await deps.db.query(
    'UPDATE rehub_actions SET status = $2, results = $3, finished_at = now() WHERE id = $1',
    [row!.id, status, JSON.stringify(results)],
  );
  return row!.id;
}

async function attempt(
  sku: string,
  connectionId: number | undefined,
  work: () => Promise<unknown>,
): Promise<ActionResult> {
  const base = connectionId === undefined ? { sku } : { sku, connection_id: connectionId };
  try {
    return { ...base, outcome: 'ok', detail: await work() };
  } catch (error) {
    // One SKU's refusal (unknown, not connected, connection down) is its result; bugs surface.
    if (!isCaisError(error)) throw error;
    return { ...base, outcome: 'failed', error: error.message };
  }
}

async function targetConnections(
  db: Queryable,
  accountId: number,
  only: number | undefined,
): Promise<number[]> {
  const connections = await listConnections(db, accountId);
  if (only !== undefined) {
    if (!connections.some((c) => c.id === only))
      throw notFound(`connection_id: connection ${only} not found`, {
        code: 'connection_not_found',
        params: { connection: only },
      });
    return [only];
  }
  return connections.filter((c) => c.status === 'active').map((c) => c.id);
}

export function listActions(db: Queryable, accountId: number, type: ActionType, limit: number) {
  // request and results are the jsonb runAction writes.
  return db.query<{
    id: number;
    type: ActionType;
    status: ActionStatus;
    request: { skus: string[]; connection_id: number | null };
    results: ActionResult[];
    created_at: Date;
    finished_at: Date | null;
  }>(
    `SELECT id, type, status, request, results, created_at, finished_at FROM rehub_actions
      WHERE account_id = $1 AND type = $2 ORDER BY id DESC LIMIT $3`,
    [accountId, type, limit],
  );
}
