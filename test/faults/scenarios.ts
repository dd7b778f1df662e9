/**
 * Fault scenarios (issue 8): each starts real processes, disturbs them while the ERP pushes,
 * then waits for convergence and reports what it did and what it checked, with counts.
 */
import { execSync } from 'node:child_process';
import {
  type CaisProcess,
  Erp,
  type Installation,
  install,
  log,
  overlappingRuns,
  type Sim,
  startCais,
  startSimulatorProcess,
  type Verdict,
  verdict,
  waitFor,
} from './harness.ts';

export interface Report extends Verdict {
  scenario: string;
  acknowledged: number;
  answers: Record<string, number>;
  convergedMs: number;
  overlaps: number;
  notes: string[];
}

export interface Scale {
  products: number;
  seconds: number;
  kills: number;
}

export const short: Scale = { products: 60, seconds: 12, kills: 3 };
export const full: Scale = { products: 300, seconds: 60, kills: 20 };

interface World {
  sim: Sim;
  inst: Installation;
  apis: CaisProcess[];
  workers: CaisProcess[];
  erp: Erp;
}

async function world(scale: Scale, counts: { apis: number; workers: number }): Promise<World> {
  const sim = await startSimulatorProcess();
  const inst = await install(sim, scale.products);
  const apis: CaisProcess[] = [];
  const workers: CaisProcess[] = [];
  for (let i = 0; i < counts.apis; i++) apis.push(await startCais(inst, 'serve'));
  for (let i = 0; i < counts.workers; i++) workers.push(await startCais(inst, 'work'));
  return { sim, inst, apis, workers, erp: new Erp(inst, () => apis) };
}

async function settle(w: World, scenario: string, notes: string[]): Promise<Report> {
  w.erp.stop();
  const started = Date.now();
  let last: Verdict | undefined;
  try {
    await waitFor(
      async () => {
        last = await verdict(w.inst, w.sim, w.erp);
        return last.lostAcknowledged === 0 && last.wrongAtMarketplace === 0 && last.stillOwed === 0;
      },
      120_000,
      'convergence',
    );
  } catch {
    notes.push('did not converge within 120 s');
    notes.push(`diagnosis: ${JSON.stringify(await diagnose(w.inst))}`);
  }
  const report: Report = {
    scenario,
    ...(last ?? (await verdict(w.inst, w.sim, w.erp))),
    acknowledged: w.erp.acknowledged.size,
    answers: w.erp.answers,
    convergedMs: Date.now() - started,
    overlaps: await overlappingRuns(w.inst),
    notes,
  };
  for (const p of [...w.apis, ...w.workers]) await p.stop();
  await w.sim.stop();
  await w.inst.drop();
  log(`${scenario}: ${JSON.stringify(report)}`);
  return report;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** kill -9 a worker at random moments while the ERP pushes; restart it each time. */
export async function crashWorkers(scale: Scale): Promise<Report> {
  const w = await world(scale, { apis: 1, workers: 2 });
  const pushing = w.erp.run();
  const notes: string[] = [];
  for (let k = 0; k < scale.kills; k++) {
    await sleep((scale.seconds * 1000) / scale.kills);
    const i = Math.floor(Math.random() * w.workers.length);
    w.workers[i]!.kill();
    w.workers[i] = await startCais(w.inst, 'work');
  }
  notes.push(`killed a worker ${scale.kills} times`);
  w.erp.stop();
  await pushing;
  return settle(w, 'crash-workers', notes);
}

/** kill -9 the API process while requests are in flight; the ERP's 2xx must all stand. */
export async function crashApi(scale: Scale): Promise<Report> {
  const w = await world(scale, { apis: 1, workers: 1 });
  const pushing = w.erp.run();
  for (let k = 0; k < scale.kills; k++) {
    await sleep((scale.seconds * 1000) / scale.kills);
    w.apis[0]!.kill();
    w.apis[0] = await startCais(w.inst, 'serve');
  }
  w.erp.stop();
  await pushing;
  return settle(w, 'crash-api', [`killed the API ${scale.kills} times`]);
}

/** 5xx, 429 and timeouts at the marketplace, and a token revoked mid-run, then reconnected. */
export async function marketplaceChaos(scale: Scale, withTimeouts: boolean): Promise<Report> {
  const w = await world(scale, { apis: 1, workers: 2 });
  const notes: string[] = [];
  for (const op of ['items.update']) {
    await w.sim.control('PUT', `/mercadolivre/faults/${op}`, {
      error_rate: 0.2,
      error_status: 503,
      rate_limit_rate: 0.1,
      ...(withTimeouts ? { timeout_rate: 0.05 } : {}),
    });
  }
  const before = (await w.sim.control('GET', '/writes?limit=1')).last_seq ?? 0;
  const pushing = w.erp.run();
  await sleep((scale.seconds * 1000) / 2);
  await w.sim.control('POST', '/mercadolivre/revocations', { user_id: 100000001 });
  await waitFor(
    async () => {
      const [c] = await w.inst.db.query<{ status: string }>('SELECT status FROM connections WHERE id = $1', [
        w.inst.connectionId,
      ]);
      return c?.status === 'auth_failed';
    },
    30_000,
    'the connection to turn auth_failed',
  );
  const [connectionError] = await w.inst.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sync_errors WHERE connection_id = $1 AND listing_id IS NULL AND status = 'open'`,
    [w.inst.connectionId],
  );
  notes.push(`token revoked: connection auth_failed, ${connectionError!.n} open connection error(s)`);
  await reconnect(w);
  notes.push('reconnected through the OAuth consent');
  await sleep((scale.seconds * 1000) / 2);
  await w.sim.control('DELETE', '/mercadolivre/faults');
  w.erp.stop();
  await pushing;
  const report = await settleKeepingSim(w, 'marketplace-chaos', notes, before);
  return report;
}

async function settleKeepingSim(
  w: World,
  scenario: string,
  notes: string[],
  sinceSeq: number,
): Promise<Report> {
  const [openErrors] = await w.inst.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sync_errors WHERE connection_id = $1 AND status <> 'open'`,
    [w.inst.connectionId],
  );
  const stop = w.sim.stop;
  let calls = 0;
  w.sim.stop = async () => {
    const log = await w.sim.control('GET', `/writes?channel=mercadolivre&since=${sinceSeq}&limit=1`);
    calls = (log.last_seq ?? sinceSeq) - sinceSeq;
    const [resolved] = await w.inst.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sync_errors WHERE connection_id = $1 AND status = 'resolved'`,
      [w.inst.connectionId],
    );
    notes.push(
      `sync errors recorded then resolved: ${resolved!.n} (before settling: ${openErrors!.n} closed)`,
    );
    notes.push(
      `marketplace calls that reached the simulator: ${calls} for ${w.erp.acknowledged.size} SKUs changed`,
    );
    await stop();
  };
  return settle(w, scenario, notes);
}

async function reconnect(w: World): Promise<void> {
  const api = w.apis[0]!;
  const headers = {
    'x-user-email': w.inst.email,
    'x-api-key': w.inst.apiKey,
    'x-accountmanager-key': 'faults',
  };
  const started = await fetch(`http://127.0.0.1:${api.port}/connections/${w.inst.connectionId}/authorize`, {
    method: 'POST',
    headers,
  });
  const { authorize_url } = (await started.json()) as { authorize_url: string };
  const consent = await fetch(authorize_url, { redirect: 'manual' });
  const back = await fetch(consent.headers.get('location')!);
  const body = (await back.json()) as { connection?: { status: string; status_reason: string | null } };
  if (body.connection?.status !== 'active') throw new Error(`reconnect: ${JSON.stringify(body)}`);
}

/** Three workers and two API processes on one database. */
export async function scaleOut(scale: Scale): Promise<Report> {
  const w = await world(scale, { apis: 2, workers: 3 });
  const pushing = w.erp.run();
  await sleep(scale.seconds * 1000);
  w.erp.stop();
  await pushing;
  return settle(w, 'scale-out', ['3 workers, 2 API processes']);
}

/** PostgreSQL restarted mid-ingest and mid-run: no false 2xx, everyone reconnects by itself. */
export async function databaseRestart(scale: Scale): Promise<Report> {
  const w = await world(scale, { apis: 1, workers: 2 });
  const pushing = w.erp.run();
  await sleep((scale.seconds * 1000) / 2);
  const cluster = execSync('ls /etc/postgresql').toString().trim().split('\n')[0];
  execSync(`pg_ctlcluster --skip-systemctl-redirect ${cluster} main restart`);
  await sleep((scale.seconds * 1000) / 2);
  w.erp.stop();
  await pushing;
  return settle(w, 'database-restart', ['restarted PostgreSQL once mid-run']);
}

/** What a scenario that did not converge left behind, to say why in its report. */
async function diagnose(inst: Installation) {
  const db = inst.db;
  const [connection] = await db.query('SELECT status, status_reason FROM connections WHERE id = $1', [
    inst.connectionId,
  ]);
  const listings = await db.query(
    `SELECT count(*) FILTER (WHERE stock_retry_at > now())::int AS stock_waiting, max(stock_attempts) AS max_attempts,
            max(stock_retry_at) AS last_retry_at, count(*) FILTER (WHERE flag <> 'green')::int AS not_green
       FROM listings WHERE connection_id = $1`,
    [inst.connectionId],
  );
  const runs = await db.query(
    `SELECT id, resource, trigger, status, note, sent, failed, started_at FROM sync_runs WHERE connection_id = $1 ORDER BY id DESC LIMIT 6`,
    [inst.connectionId],
  );
  const errors = await db.query(
    `SELECT resource, code, failure, status, count(*)::int AS n FROM sync_errors WHERE connection_id = $1 GROUP BY 1, 2, 3, 4`,
    [inst.connectionId],
  );
  const leases = await db.query(
    'SELECT resource, holder, expires_at FROM sync_leases WHERE connection_id = $1',
    [inst.connectionId],
  );
  return { connection, listings, runs, errors, leases };
}
