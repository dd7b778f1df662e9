/**
 * The console's read models: the Painel (per connection: flags, what is owed and since when,
 * refusals, the schedule, the last runs, open errors), catalog search and the flags of a page of
 * products.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { Product } from './catalog.ts';
import { Connection, connectionExample, FlagCounts, Listing, listingExample } from './connections.ts';
import { Run, runExample } from './sync.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

const Owed = Type.Object({
  count: Type.Integer({ description: 'Green listings that owe a send' }),
  since: Nullable(DateTime),
});
const Refused = Type.Integer({
  description: 'Listings whose value the marketplace refuses (open permanent errors)',
});
const Planned = Nullable(
  Type.Object({
    every: Type.String({ description: '1m … 24h, or continuous' }),
    next_run_at: Nullable(DateTime),
  }),
);

export const DashboardConnection = Type.Object({
  connection: Connection,
  listings: FlagCounts,
  pending: Type.Object({ stock: Owed, price: Owed }),
  refused: Type.Object({ stock: Refused, price: Refused }),
  schedule: Type.Object({ stock: Planned, price: Planned, orders: Planned, catalog: Planned }),
  last_runs: Type.Object({
    stock: Nullable(Run),
    price: Nullable(Run),
    orders: Nullable(Run),
    catalog: Nullable(Run),
  }),
  open_errors: Type.Integer(),
});

export const Dashboard = Type.Object({ connections: Type.Array(DashboardConnection) });

export const dashboardExample: Static<typeof Dashboard> = {
  connections: [
    {
      connection: connectionExample,
      listings: { grey: 3, yellow: 1, green: 40, red: 0 },
      pending: { stock: { count: 2, since: '2026-05-04T12:01:00.000Z' }, price: { count: 0, since: null } },
      refused: { stock: 0, price: 0 },
      schedule: {
        stock: { every: '15m', next_run_at: '2026-05-04T12:15:00.000Z' },
        price: { every: '15m', next_run_at: '2026-05-04T12:15:00.000Z' },
        orders: { every: 'continuous', next_run_at: null },
        catalog: null,
      },
      last_runs: { stock: runExample, price: null, orders: null, catalog: null },
      open_errors: 0,
    },
  ],
};

export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200 }),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const SearchResult = Type.Object({
  products: Type.Array(Product),
  total: Type.Integer({ description: 'Products matching, on every page' }),
});

export const SkuQuery = Type.Object({
  sku: Type.Union([
    Type.String({ minLength: 1, maxLength: 100 }),
    Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 }),
  ]),
});

export const ListingsOfSkus = Type.Object({ listings: Type.Array(Listing) });
export const listingsOfSkusExample: Static<typeof ListingsOfSkus> = { listings: [listingExample] };
