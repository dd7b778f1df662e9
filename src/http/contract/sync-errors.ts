/**
 * SkyHub's /sync_errors answers: the categories, a page of product (listing) errors and of order
 * errors, and the retry actions' counts. A pure module (TypeBox only) so the console derives its
 * types from it with `Static<typeof …>`.
 */
import { type Static, type TSchema, Type } from 'typebox';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorCategory = Type.Object({
  code: Type.String({ description: 'stock_sync, price_sync, catalog_publish, connection, sync_order_…' }),
  name: Type.String(),
  entity_type: Type.Union([Type.Literal('products'), Type.Literal('orders')]),
  error_types: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      solution: Nullable(Type.String({ description: 'What to do about it' })),
    }),
    { description: 'The error codes this account has met in the category' },
  ),
});

export const errorCategoryExample: Static<typeof ErrorCategory> = {
  code: 'stock_sync',
  name: 'Estoque não sincronizado',
  entity_type: 'products',
  error_types: [
    {
      code: 'ml.item.status.not_modifiable',
      name: 'ml.item.status.not_modifiable',
      solution: 'Publish the product again (Publicar de novo).',
    },
  ],
};

/** What both kinds of sync error share (SkyHub's fields, then Cais's). */
const common = {
  entity_id: Type.String(),
  message: Type.String({ description: "The marketplace's own words" }),
  last_accurence: Type.String({ format: 'date-time', description: "SkyHub's spelling: when last seen" }),
  error_code: Type.String(),
  failure: Type.String({ description: 'transient, rate_limited, auth, permanent…' }),
  transient: Type.Boolean({ description: 'Cais retries it by itself' }),
  attempts: Type.Integer(),
  first_seen_at: DateTime,
  hint: Nullable(Type.String({ description: 'What to do, in the caller’s language' })),
  marketplace_code: Nullable(Type.String()),
  status: Type.Union([Type.Literal('open'), Type.Literal('ignored'), Type.Literal('resolved')]),
};

/** A product's (listing's) sync error; `entity_id` is the SKU (or `connection:<id>`). */
export const SyncError = Type.Object(
  {
    ...common,
    entity_id: Type.String({ description: 'The SKU, or connection:<id> for a connection-wide error' }),
    error_category_code: Type.String({ description: 'stock_sync, price_sync, catalog_publish, connection' }),
    connection_id: Type.Integer(),
    connection_name: Type.String(),
  },
  { additionalProperties: false },
);

export const syncErrorExample: Static<typeof SyncError> = {
  entity_id: 'CAM-01',
  message: 'Item status is closed and cannot be modified',
  last_accurence: '2026-05-04T12:00:00.000Z',
  error_code: 'ml.item.status.not_modifiable',
  error_category_code: 'stock_sync',
  connection_id: 1,
  connection_name: 'Mercado Livre',
  failure: 'permanent',
  transient: false,
  attempts: 1,
  first_seen_at: '2026-05-04T12:00:00.000Z',
  hint: 'Publish the product again (Publicar de novo).',
  marketplace_code: 'item.status.not_modifiable',
  status: 'open',
};

/** An order's sync error (import from the marketplace, or a status sent back); `entity_id` is the order code. */
export const OrderSyncError = Type.Object(
  {
    ...common,
    entity_id: Type.String({ description: 'The order code' }),
    error_category_code: Type.Union([
      Type.Literal('sync_order_mtkp_to_skyhub'),
      Type.Literal('sync_order_skyhub_to_mtkp'),
    ]),
    ways_out: Type.Array(
      Type.Union([Type.Literal('retry'), Type.Literal('correct'), Type.Literal('ignore')]),
    ),
  },
  { additionalProperties: false },
);

export const SyncErrorPage = Type.Object({
  error_qty: Type.Integer({ description: 'Open errors in the category (all categories when none given)' }),
  errors: Type.Array(SyncError),
});

export const OrderSyncErrorPage = Type.Object({
  error_qty: Type.Integer({ description: 'Open errors in the category (all categories when none given)' }),
  errors: Type.Array(OrderSyncError),
});
