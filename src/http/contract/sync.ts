/**
 * The sync answers: schedules, runs, a manual sync's outcomes, a SKU's sync status (why it is or
 * is not up to date) and a rules preview. A pure module (TypeBox and pure schema modules only) so
 * the console derives its types from it with `Static<typeof …>`.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { Rules } from '../../rules/rules.ts';
import { Flag } from './connections.ts';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Resource = Type.Union(
  [Type.Literal('stock'), Type.Literal('price'), Type.Literal('orders'), Type.Literal('catalog')],
  { description: 'What a run synchronises' },
);

/** How often a schedule runs; `continuous` sends within seconds of a change. */
export const Every = Type.Union(
  [
    Type.Literal('1m'),
    Type.Literal('5m'),
    Type.Literal('10m'),
    Type.Literal('15m'),
    Type.Literal('30m'),
    Type.Literal('60m'),
    Type.Literal('1h'),
    Type.Literal('6h'),
    Type.Literal('24h'),
    Type.Literal('continuous'),
  ],
  {
    description: '1m, 5m, 10m, 15m (suggested for stock and orders), 30m, 60m (or 1h), 6h, 24h or continuous',
  },
);

/** What a new schedule (or a replacement) covers and how often. */
export const ScheduleInput = Type.Object(
  {
    connections: Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), {
      minItems: 1,
      maxItems: 50,
    }),
    resources: Type.Array(Resource, { minItems: 1, maxItems: 4 }),
    every: Every,
  },
  { additionalProperties: false },
);

export const Run = Type.Object(
  {
    id: Type.Integer(),
    connection_id: Type.Integer(),
    resource: Resource,
    trigger: Type.Union(
      [Type.Literal('scheduled'), Type.Literal('manual'), Type.Literal('continuous'), Type.Literal('resume')],
      { description: 'What started the run' },
    ),
    schedule_id: Nullable(Type.Integer()),
    status: Type.Union([
      Type.Literal('running'),
      Type.Literal('succeeded'),
      Type.Literal('partial'),
      Type.Literal('failed'),
      Type.Literal('paused'),
      Type.Literal('skipped'),
      Type.Literal('interrupted'),
    ]),
    note: Nullable(Type.String()),
    started_at: DateTime,
    finished_at: Nullable(DateTime),
    considered: Type.Integer({ description: 'Listings (or orders) the run looked at' }),
    sent: Type.Integer(),
    confirmed: Type.Integer(),
    failed: Type.Integer(),
    failures: Type.Array(Type.Object({ sku: Type.String(), code: Type.String(), message: Type.String() })),
    order_counts: Type.Optional(
      Type.Record(Type.String(), Type.Integer(), { description: "An orders run's counts" }),
    ),
  },
  { additionalProperties: false },
);

export const runExample: Static<typeof Run> = {
  id: 12,
  connection_id: 1,
  resource: 'stock',
  trigger: 'scheduled',
  schedule_id: 3,
  status: 'succeeded',
  note: null,
  started_at: '2026-05-04T12:00:00.000Z',
  finished_at: '2026-05-04T12:00:02.000Z',
  considered: 40,
  sent: 2,
  confirmed: 2,
  failed: 0,
  failures: [],
};

export const Schedule = Type.Object(
  {
    id: Type.Integer(),
    connections: Type.Array(Type.Integer()),
    resources: Type.Array(Resource),
    every: Type.String({ description: '1m … 24h, or continuous' }),
    status: Type.Union([Type.Literal('active'), Type.Literal('cancelled')]),
    replaced_by: Nullable(Type.Integer({ description: 'The schedule that replaced this one' })),
    created_at: DateTime,
    cancelled_at: Nullable(DateTime),
    next_runs: Type.Array(
      Type.Object({ connection_id: Type.Integer(), resource: Resource, next_run_at: Nullable(DateTime) }),
    ),
  },
  { additionalProperties: false },
);

export const scheduleExample: Static<typeof Schedule> = {
  id: 3,
  connections: [1],
  resources: ['stock', 'price'],
  every: '5m',
  status: 'active',
  replaced_by: null,
  created_at: '2026-05-04T11:55:00.000Z',
  cancelled_at: null,
  next_runs: [
    { connection_id: 1, resource: 'stock', next_run_at: '2026-05-04T12:05:00.000Z' },
    { connection_id: 1, resource: 'price', next_run_at: '2026-05-04T12:05:00.000Z' },
  ],
};

/** One schedule with its latest runs (GET /sync/schedules/{id}). */
export const ScheduleWithRuns = Type.Object(
  { ...Schedule.properties, last_runs: Type.Array(Run) },
  { additionalProperties: false },
);

/** "Run now": what was queued for each connection and resource of the schedule. */
export const QueuedRun = Type.Object({
  connection_id: Type.Integer(),
  resource: Resource,
  queued: Type.Union([Type.Literal('queued'), Type.Literal('already_queued')]),
});

/** One listing's outcome of a manual sync (POST /products/{sku}/sync). */
export const ManualOutcome = Type.Object({
  sku: Type.String(),
  connection_id: Type.Integer(),
  resource: Type.Union([Type.Literal('stock'), Type.Literal('price')]),
  outcome: Type.Union([Type.Literal('sent'), Type.Literal('failed'), Type.Literal('queued')]),
  run_id: Type.Optional(Type.Integer()),
  error: Type.Optional(
    Type.Object({
      code: Type.String(),
      message: Type.String({ description: "The marketplace's own words" }),
      hint: Nullable(Type.String({ description: 'What to do, in the caller’s language' })),
    }),
  ),
});

/** A price as the marketplace receives it after the connection's rules. */
export const EffectivePrice = Type.Object(
  {
    price: Nullable(Type.Number()),
    promotional_price: Nullable(Type.Number()),
    promotion_starts_at: Type.Optional(DateTime),
    promotion_ends_at: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);

const ErpPrice = Type.Object({ price: Nullable(Type.Number()), promotional_price: Nullable(Type.Number()) });

export const WaitingFor = Type.Object(
  {
    code: Type.String({
      description: 'up_to_date, next_run, retrying, running, no_schedule, not_connected…',
    }),
    message: Type.String(),
    at: Type.Optional(Nullable(DateTime)),
  },
  { description: 'What the next send waits for' },
);

const LastError = Nullable(
  Type.Object({
    code: Type.String(),
    failure: Type.String(),
    message: Type.String(),
    hint: Nullable(Type.String()),
    attempts: Type.Integer(),
    at: DateTime,
  }),
);

/** What was last delivered to the listing, and when the marketplace confirmed it. */
const sent = <T extends TSchema>(value: T) =>
  Nullable(
    Type.Object({
      value,
      version: Nullable(Type.Integer()),
      at: DateTime,
      confirmed_at: Nullable(DateTime),
    }),
  );

export const StockExplain = Type.Object({
  erp_value: Type.Integer(),
  erp_version: Type.Integer(),
  reserved: Type.Integer({ description: 'Units held for orders the ERP has not taken yet' }),
  effective_value: Type.Integer({ description: 'What the marketplace receives after the rules' }),
  last_sent: sent(Nullable(Type.Integer())),
  pending: Type.Boolean({ description: 'A send is owed' }),
  waiting_for: WaitingFor,
  last_error: LastError,
});

export const PriceExplain = Type.Object({
  erp_value: ErpPrice,
  erp_version: Type.Integer(),
  effective_value: EffectivePrice,
  last_sent: sent(ErpPrice),
  pending: Type.Boolean({ description: 'A send is owed' }),
  waiting_for: WaitingFor,
  last_error: LastError,
});

/** Why a SKU is (or is not) up to date on each connection (GET /products/{sku}/sync_status). */
export const Explain = Type.Object({
  sku: Type.String(),
  listings: Type.Array(
    Type.Object({
      sku: Type.String({ description: 'The product or variation' }),
      connection: Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        channel: Type.String(),
        status: Type.String(),
      }),
      flag: Flag,
      flag_code: Nullable(Type.String()),
      flag_reason: Type.String(),
      container: Type.Boolean({
        description: 'A parent of variations: its variations carry stock and price',
      }),
      external_id: Nullable(Type.String()),
      stock: StockExplain,
      price: PriceExplain,
    }),
  ),
});

const PreviewValues = Type.Object(
  {
    qty: Type.Integer(),
    ...EffectivePrice.properties,
  },
  { additionalProperties: false },
);

/** What each green listing would receive under the rules (POST /connections/{id}/rules/preview). */
export const RulesPreview = Type.Object({
  rules: Rules,
  listings: Type.Array(
    Type.Object({
      sku: Type.String(),
      erp: Type.Object({ qty: Type.Integer(), ...ErpPrice.properties }),
      now: PreviewValues,
      proposed: PreviewValues,
      live: Type.Object(
        { qty: Nullable(Type.Integer()), ...ErpPrice.properties },
        { description: 'What was last delivered' },
      ),
      changes: Type.Object({ qty: Type.Boolean(), price: Type.Boolean() }),
    }),
  ),
});
