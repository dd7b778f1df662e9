/**
 * The installation's state as Prometheus gauges, read from the database at scrape time: every API
 * process answers the same numbers whichever worker did the work, and no process keeps counters
 * that a restart would reset. Each figure is one indexed query (see migrations 000013, 000072); one scrape
 * runs them all once, however many gauges prom-client asks about.
 */
import { Gauge, type Registry } from 'prom-client';
import type { Queryable } from './db/db.ts';

type Row = Record<string, string | number | null>;

interface Snapshot {
  runsRunning: number;
  runsLastHour: Row[];
  pending: Row[];
  connections: Row[];
  syncErrors: Row[];
  orderErrors: Row[];
  webhooks: Row[];
  orderQueue: number;
  relaysPending: number;
}

const resources = ['stock', 'price'] as const;

async function readSnapshot(db: Queryable): Promise<Snapshot> {
  const [running] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM sync_runs WHERE status = 'running'",
  );
  const runsLastHour = await db.query<Row>(
    `SELECT resource, status, count(*)::int AS runs, coalesce(sum(sent), 0)::int AS sent,
            coalesce(sum(failed), 0)::int AS failed
       FROM sync_runs WHERE finished_at > now() - interval '1 hour' GROUP BY resource, status`,
  );
  // Both figures per resource come from owed_sends' index on (resource, since).
  const pending: Row[] = [];
  for (const resource of resources) {
    const [row] = await db.query<Row>(
      `SELECT count(*)::int AS listings,
              coalesce(extract(epoch FROM now() - min(since)), 0)::float8 AS oldest
         FROM owed_sends WHERE resource = $1`,
      [resource],
    );
    pending.push({ resource, ...row });
  }
  const connections = await db.query<Row>(
    'SELECT channel, status, count(*)::int AS n FROM connections GROUP BY channel, status',
  );
  const syncErrors = await db.query<Row>(
    "SELECT code, count(*)::int AS n FROM sync_errors WHERE status = 'open' GROUP BY code",
  );
  const orderErrors = await db.query<Row>(
    "SELECT code, count(*)::int AS n FROM order_sync_errors WHERE status = 'open' GROUP BY code",
  );
  const webhooks = await db.query<Row>(
    `SELECT 'pending' AS status, count(*)::int AS n FROM webhook_deliveries WHERE status = 'pending'
     UNION ALL SELECT 'dead', count(*)::int FROM webhook_deliveries WHERE status = 'dead'`,
  );
  const [queue] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM orders WHERE queue_seq > acked_seq',
  );
  const [relays] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM order_relays WHERE status = 'pending'",
  );
  return {
    runsRunning: running!.n,
    runsLastHour,
    pending,
    connections,
    syncErrors,
    orderErrors,
    webhooks,
    orderQueue: queue!.n,
    relaysPending: relays!.n,
  };
}

interface GaugeSpec {
  name: string;
  help: string;
  labelNames?: string[];
  /** Sets the gauge from a snapshot (after a reset, so labels that vanished disappear). */
  fill(gauge: Gauge<string>, s: Snapshot): void;
}

const specs: GaugeSpec[] = [
  {
    name: 'cais_sync_runs_running',
    help: 'Sync runs in progress now, across all workers',
    fill: (g, s) => g.set(s.runsRunning),
  },
  {
    name: 'cais_sync_runs_last_hour',
    help: 'Sync runs finished in the last hour, by resource and outcome',
    labelNames: ['resource', 'status'],
    fill: (g, s) => {
      for (const r of s.runsLastHour)
        g.set({ resource: String(r.resource), status: String(r.status) }, Number(r.runs));
    },
  },
  {
    name: 'cais_sync_items_sent_last_hour',
    help: 'Values delivered to marketplaces by runs finished in the last hour, by resource',
    labelNames: ['resource'],
    fill: (g, s) => sumBy(g, s.runsLastHour, 'sent'),
  },
  {
    name: 'cais_sync_items_failed_last_hour',
    help: 'Values a marketplace did not take, in runs finished in the last hour, by resource',
    labelNames: ['resource'],
    fill: (g, s) => sumBy(g, s.runsLastHour, 'failed'),
  },
  {
    name: 'cais_sync_pending_listings',
    help: 'Green listings owing a send (the backlog), by resource',
    labelNames: ['resource'],
    fill: (g, s) => {
      for (const p of s.pending) g.set({ resource: String(p.resource) }, Number(p.listings));
    },
  },
  {
    name: 'cais_sync_oldest_pending_seconds',
    help: 'Age of the oldest change not yet delivered to a green listing (0 when none), by resource',
    labelNames: ['resource'],
    fill: (g, s) => {
      for (const p of s.pending) g.set({ resource: String(p.resource) }, Number(p.oldest));
    },
  },
  {
    name: 'cais_connections',
    help: 'Marketplace connections by channel and status (auth_failed: the seller must reconnect)',
    labelNames: ['channel', 'status'],
    fill: (g, s) => {
      for (const c of s.connections)
        g.set({ channel: String(c.channel), status: String(c.status) }, Number(c.n));
    },
  },
  {
    name: 'cais_sync_errors_open',
    help: 'Open sync errors (listings and connections) by code',
    labelNames: ['code'],
    fill: (g, s) => {
      for (const e of s.syncErrors) g.set({ code: String(e.code) }, Number(e.n));
    },
  },
  {
    name: 'cais_order_sync_errors_open',
    help: 'Open order sync errors by code',
    labelNames: ['code'],
    fill: (g, s) => {
      for (const e of s.orderErrors) g.set({ code: String(e.code) }, Number(e.n));
    },
  },
  {
    name: 'cais_webhook_deliveries',
    help: 'Webhook deliveries waiting to be sent (pending) and given up on (dead: the dead letters)',
    labelNames: ['status'],
    fill: (g, s) => {
      for (const w of s.webhooks) g.set({ status: String(w.status) }, Number(w.n));
    },
  },
  {
    name: 'cais_order_queue_depth',
    help: 'Orders waiting in the ERP order queue (not yet acknowledged)',
    fill: (g, s) => g.set(s.orderQueue),
  },
  {
    name: 'cais_order_relays_pending',
    help: 'ERP order actions (invoice, shipment, ...) waiting to reach the marketplace',
    fill: (g, s) => g.set(s.relaysPending),
  },
];

function sumBy(gauge: Gauge<string>, rows: Row[], field: string): void {
  const totals = new Map<string, number>();
  for (const r of rows)
    totals.set(String(r.resource), (totals.get(String(r.resource)) ?? 0) + Number(r[field]));
  for (const [resource, total] of totals) gauge.set({ resource }, total);
}

/**
 * Registers the state gauges. A scrape while the database is down still answers: the gauges keep
 * their last values and cais_state_up drops to 0, which is what to alert on.
 */
export function registerStateMetrics(registry: Registry, db: Queryable): void {
  // An app built on a registry that already has them (one Metrics shared by two apps) reuses them.
  if (registry.getSingleMetric('cais_state_up')) return;
  // One database read per scrape: prom-client starts every gauge's collect in the same tick, so
  // they all share the read in flight; the next scrape reads afresh.
  let inFlight: Promise<Snapshot | undefined> | undefined;
  const snapshot = () => {
    inFlight ??= readSnapshot(db)
      .catch(() => undefined)
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  const up = new Gauge({
    name: 'cais_state_up',
    help: '1 when the state metrics below could be read from the database at this scrape',
    registers: [registry],
    async collect() {
      this.set((await snapshot()) ? 1 : 0);
    },
  });
  void up;
  for (const spec of specs) {
    new Gauge({
      name: spec.name,
      help: spec.help,
      labelNames: spec.labelNames ?? [],
      registers: [registry],
      async collect() {
        const s = await snapshot();
        if (!s) return;
        this.reset();
        spec.fill(this, s);
      },
    });
  }
}
