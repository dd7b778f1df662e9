/**
 * Order tests' shared setup: the sync world (simulator + Cais + Mercado Livre through the real
 * consent), orders bought in the simulator, and an import with test-sized waits.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../src/db/db.ts';
import { type ImportDeps, type ImportResult, runOrderImport } from '../../src/orders/import.ts';
import { nfeCheckDigit } from '../../src/orders/nfe.ts';
import { relayDue } from '../../src/orders/relay.ts';
import type { World } from '../sync/world.ts';

export interface MlOrderView {
  id: number;
  status: string;
  shipping: { id: number };
}

/** A buyer's order on simulated Mercado Livre. */
export function buyOnMercadoLivre(
  world: World,
  items: { item_id: string; quantity: number }[],
  extra: Record<string, unknown> = {},
): Promise<MlOrderView> {
  return world.control('POST', '/mercadolivre/orders', { items, ...extra });
}

export function importDeps(world: World, overrides: Partial<ImportDeps> = {}): ImportDeps {
  return {
    db: world.t.db,
    cipher: world.runner.cipher,
    retry: { attempts: 2, baseMs: 5, maxMs: 20 },
    limits: { pageRetryBaseMs: 5, pageRetryMaxMs: 20 },
    ...overrides,
  };
}

export function importOrders(
  world: World,
  overrides: Partial<ImportDeps> = {},
  connectionId = world.connectionId,
): Promise<ImportResult> {
  return runOrderImport(importDeps(world, overrides), { connectionId, trigger: 'manual' });
}

export function relayNow(world: World) {
  return relayDue({
    db: world.t.db,
    cipher: world.runner.cipher,
    retry: { attempts: 1, baseMs: 5, maxMs: 20 },
    limits: { baseMs: 20, maxMs: 50 },
  });
}

/** A valid NF-e key (check digit computed), different for each seed. */
export function nfeKey(seed: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(seed).digest('hex')}`)
    .toString()
    .slice(0, 43)
    .padEnd(43, '7');
  return `${digits}${nfeCheckDigit(digits)}`;
}

/** Rows per marketplace order id: every count is 1 when there is no duplicate. */
export async function duplicateOrders(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT (count(*) - count(DISTINCT (coalesce(connection_id, 0), external_id)))::int AS n FROM orders`,
  );
  return row!.n;
}

export async function countOrders(db: Db, connectionId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM orders WHERE connection_id = $1',
    [connectionId],
  );
  return row!.n;
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const MG_CLIENT = { id: 'magalu-sim-client', secret: 'magalu-sim-secret' };

/** Connects the world's seller to simulated Magalu through the real consent; answers the connection id. */
export async function connectMagalu(world: World): Promise<number> {
  const created = await world.api('POST', '/connections', {
    connection: {
      channel: 'magalu',
      name: 'Magalu',
      base_url: world.sim.baseUrl('magalu'),
      client_id: MG_CLIENT.id,
      client_secret: MG_CLIENT.secret,
    },
  });
  if (created.status !== 201) throw new Error(`create connection: ${JSON.stringify(created.body)}`);
  const consent = await fetch(created.body.authorize_url, { redirect: 'manual' });
  const back = new URL(consent.headers.get('location') ?? '');
  const callback = await world.t.app.inject({ method: 'GET', url: `/oauth/callback${back.search}` });
  if (JSON.parse(callback.body).connection?.status !== 'active') throw new Error(`consent: ${callback.body}`);
  return created.body.connection.id;
}

/** Connects an existing product to a connection (publishes it); fails unless the listing is green. */
export async function connectTo(world: World, sku: string, connectionId: number): Promise<void> {
  const res = await world.api('POST', `/products/${sku}/listings/${connectionId}`);
  if (res.status !== 201 || res.body.listings[0].flag !== 'green') throw new Error(JSON.stringify(res.body));
}

/**
 * A connection's own rates (connections.rate_limits, what an operator sets for a seller with a
 * bigger quota), high enough that a test importing hundreds of orders is not paced by the
 * documented defaults: each Mercado Livre order costs three calls (order, shipment, billing info).
 */
export async function generousRates(world: World, connectionId = world.connectionId): Promise<void> {
  const fast = { perSecond: 1000, burst: 1000 };
  await world.t.db.query('UPDATE connections SET rate_limits = $2::jsonb WHERE id = $1', [
    connectionId,
    JSON.stringify({ orders: fast, read: fast, order_status: fast }),
  ]);
  // The simulated app gets the same quota (ML limits per app: 25/s by default).
  await world.control('PUT', '/mercadolivre/limits', { '*': { rate: 1000, burst: 1000 } });
}

/** An authorised NF-e's XML (nfeProc) carrying `key`, as an ERP would attach it. */
export function nfeXml(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><nfeProc versao="4.00" xmlns="http://www.portalfiscal.inf.br/nfe"><NFe><infNFe Id="NFe${key}" versao="4.00"><ide><nNF>1</nNF></ide></infNFe></NFe><protNFe versao="4.00"><infProt><chNFe>${key}</chNFe><cStat>100</cStat></infProt></protNFe></nfeProc>`;
}
