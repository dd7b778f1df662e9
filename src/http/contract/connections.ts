/**
 * The connection and listing answers: the marketplaces Cais can connect to, a seller's
 * connections, and a product's listings with their flags. A pure module (TypeBox only) so the
 * console derives its types from it with `Static<typeof …>`.
 */
import { type Static, type TSchema, Type } from 'typebox';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Rate = Type.Object({
  per_second: Type.Number({ description: 'Requests per second, sustained' }),
  burst: Type.Number({ description: 'Requests allowed at once after a quiet period' }),
});

export const Capabilities = Type.Object({
  stock_batch_size: Type.Integer({ description: 'Items one stock call carries' }),
  price_batch_size: Type.Integer({ description: 'Items one price call carries' }),
  concurrency: Type.Integer({ description: 'Calls at once within a run' }),
  rates: Type.Record(Type.String(), Rate, {
    description:
      "The marketplace's documented rate per operation (auth, stock, price, read, publish, orders…)",
  }),
  async_acceptance: Type.Boolean({ description: 'Writes are accepted first and applied later' }),
  read_back: Type.Boolean({ description: "A listing's live values can be read back to confirm a write" }),
  promotional_price: Type.Union([Type.Literal('field'), Type.Literal('window'), Type.Literal('none')], {
    description: 'How a promotional price is expressed: a native field, a dated offer, or not at all',
  }),
  auth: Type.Union([Type.Literal('oauth'), Type.Literal('credentials')]),
});

export const Channel = Type.Object({
  channel: Type.String({ description: 'mercadolivre, magalu, amazon, shopee' }),
  default_base_url: Type.String(),
  capabilities: Capabilities,
});

export const Connection = Type.Object(
  {
    id: Type.Integer(),
    channel: Type.String(),
    name: Type.String(),
    base_url: Type.String(),
    status: Type.Union([
      Type.Literal('pending'),
      Type.Literal('active'),
      Type.Literal('auth_failed'),
      Type.Literal('disabled'),
    ]),
    status_reason: Nullable(Type.String()),
    seller_id: Nullable(Type.String({ description: "The seller's id at the marketplace" })),
    seller_name: Nullable(Type.String({ description: 'The seller as the marketplace names them' })),
    auth: Type.Union([Type.Literal('oauth'), Type.Literal('credentials')]),
    tested_at: Nullable(DateTime),
    created_at: DateTime,
  },
  { additionalProperties: false },
);

export const connectionExample: Static<typeof Connection> = {
  id: 1,
  channel: 'mercadolivre',
  name: 'Mercado Livre',
  base_url: 'https://api.mercadolibre.com',
  status: 'active',
  status_reason: null,
  seller_id: '100000001',
  seller_name: 'LOJA_CAIS',
  auth: 'oauth',
  tested_at: '2026-05-04T12:00:00.000Z',
  created_at: '2026-05-01T09:30:00.000Z',
};

/** Where to send the seller's browser for the marketplace's consent (OAuth marketplaces). */
export const Consent = Type.Object({ authorize_url: Type.String() });

/** A listing's flag: grey (not connected), yellow (on its way), green (in sync), red (refused). */
export const Flag = Type.Union([
  Type.Literal('grey'),
  Type.Literal('yellow'),
  Type.Literal('green'),
  Type.Literal('red'),
]);

export const FlagCounts = Type.Object({
  grey: Type.Integer(),
  yellow: Type.Integer(),
  green: Type.Integer(),
  red: Type.Integer(),
});

/** What deleting a connection takes away, for the seller to read before confirming. */
export const Footprint = Type.Object({
  listings: Type.Integer(),
  schedules: Type.Integer(),
  orders: Type.Integer({ description: 'Orders that stay, unlinked' }),
});

/** The schedules a deletion cancelled or replaced by one without the connection. */
export const Deleted = Type.Object({
  cancelled_schedules: Type.Array(Type.Integer()),
  replaced_schedules: Type.Array(Type.Object({ id: Type.Integer(), by: Type.Integer() })),
});

export const Listing = Type.Object(
  {
    sku: Type.String(),
    connection_id: Type.Integer(),
    flag: Flag,
    reason: Nullable(Type.String({ description: 'Why the flag is not green' })),
    code: Nullable(Type.String()),
    hint: Nullable(Type.String({ description: 'What to do, in the caller’s language' })),
    external_id: Nullable(Type.String({ description: "The marketplace's listing id" })),
    external_variation_id: Nullable(Type.String()),
    connected_at: Nullable(DateTime),
    refused: Type.Array(Type.Union([Type.Literal('stock'), Type.Literal('price')]), {
      description: 'What the marketplace refuses while the flag is red for a sync refusal',
    }),
  },
  { additionalProperties: false },
);

export const listingExample: Static<typeof Listing> = {
  sku: 'CAM-01',
  connection_id: 1,
  flag: 'green',
  reason: null,
  code: null,
  hint: null,
  external_id: 'MLB4000000001',
  external_variation_id: null,
  connected_at: '2026-05-04T12:00:00.000Z',
  refused: [],
};

/** One SKU's outcome of a bulk connect: its listings, or why it could not be connected. */
export const BulkConnectResult = Type.Union([
  Type.Object({ sku: Type.String(), listings: Type.Array(Listing) }),
  Type.Object({
    sku: Type.String(),
    error: Type.String(),
    code: Type.String(),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
]);
