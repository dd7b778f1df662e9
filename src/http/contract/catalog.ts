/**
 * What the catalog routes answer: products, variations, their history, categories and
 * attributes, bulk stock and price results, sale systems, order statuses, the account's keys and
 * users, and Rehub. A pure module (TypeBox and other schema modules only) so the console can
 * derive its types from it with `Static<typeof …>`.
 */
import { type Static, Type } from 'typebox';
import { ProductOutput, VariationOutput } from '../../catalog/schemas.ts';

/** A product in SkyHub's shape, with its variations. */
export const Product = ProductOutput;
export type Product = Static<typeof Product>;

/** A variation: a SKU of its own, with its own stock and price. */
export const Variation = VariationOutput;
export type Variation = Static<typeof Variation>;

export const ProductPage = Type.Object({
  products: Type.Array(Product),
  total: Type.Integer({ description: 'Products matching the filters, on every page' }),
  next: Type.Optional(Type.String({ description: 'The URL of the next page (a cursor), when there is one' })),
});
export type ProductPage = Static<typeof ProductPage>;

/** A simple product as the API answers it, for examples. */
export const productFields: Static<typeof Product> = {
  sku: 'CAM-01',
  name: 'Camiseta básica',
  description: null,
  status: 'enabled',
  qty: 7,
  price: 49.9,
  promotional_price: null,
  cost: null,
  weight: null,
  height: null,
  width: null,
  length: null,
  brand: 'Cais',
  ean: null,
  nbm: null,
  crossdocking: null,
  categories: [],
  images: [],
  specifications: [],
  variations: [],
  variation_attributes: [],
  removed: false,
  associations: [],
};

const Timestamp = Type.String({ format: 'date-time' });

/** One accepted change of a SKU: stock and price carry their values, catalog and lifecycle their fields. */
export const ProductChange = Type.Object({
  id: Type.Integer({ description: 'Pass it as `before` to read older changes' }),
  resource: Type.Union([
    Type.Literal('stock'),
    Type.Literal('price'),
    Type.Literal('catalog'),
    Type.Literal('lifecycle'),
  ]),
  version: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The stock or price version it made; null for catalog and lifecycle changes',
  }),
  old: Type.Unknown({
    description: 'The values before (`{"qty"}`, `{"price", "promotional_price"}`, or fields)',
  }),
  new: Type.Unknown({ description: 'The values after, in the same shape' }),
  actor: Type.String({ description: 'Who made it, e.g. `api_key:3` or `user:1`' }),
  changed_at: Timestamp,
});
export type ProductChange = Static<typeof ProductChange>;

export const ProductHistory = Type.Object({
  sku: Type.String(),
  stock_version: Type.Integer(),
  price_version: Type.Integer(),
  changes: Type.Array(ProductChange, { description: 'Newest first' }),
});
export type ProductHistory = Static<typeof ProductHistory>;

export const Category = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type Category = Static<typeof Category>;

export const Attribute = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255 }),
    label: Type.String({ maxLength: 255 }),
    options: Type.Array(Type.String({ maxLength: 255 }), { maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export type Attribute = Static<typeof Attribute>;

/** What one item of a bulk stock or price write did. */
export const BulkItemResult = Type.Object({
  sku: Type.String(),
  status: Type.Union([
    Type.Literal('updated'),
    Type.Literal('unchanged'),
    Type.Literal('stale'),
    Type.Literal('not_found'),
    Type.Literal('rejected'),
  ]),
  version: Type.Optional(Type.Integer({ description: 'The stock or price version after the write' })),
  error: Type.Optional(Type.String({ description: 'Why a stale or rejected item was refused' })),
});
export type BulkItemResult = Static<typeof BulkItemResult>;

export const BulkResult = Type.Object({
  results: Type.Array(BulkItemResult, { description: 'One per item, in the order sent' }),
  summary: Type.Record(Type.String(), Type.Integer(), {
    description:
      'How many items ended in each status (`updated`, `unchanged`, `stale`, `not_found`, `rejected`)',
  }),
});
export type BulkResult = Static<typeof BulkResult>;

/** A marketplace the account sells on; `code` is what `GET /orders?filters[sale_system]=` takes. */
export const SaleSystem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  channel: Type.String({ description: "Cais's channel name, e.g. `mercadolivre`" }),
  connections: Type.Integer({ description: "The account's connections to it" }),
});
export type SaleSystem = Static<typeof SaleSystem>;

export const StatusTypeCode = Type.Union(
  [
    Type.Literal('NEW'),
    Type.Literal('APPROVED'),
    Type.Literal('INVOICED'),
    Type.Literal('SHIPPED'),
    Type.Literal('DELIVERED'),
    Type.Literal('CANCELED'),
    Type.Literal('SHIPMENT_EXCEPTION'),
    Type.Literal('PAYMENT_OVERDUE'),
  ],
  { description: 'The status type a status code belongs to' },
);

/** An order status: SkyHub's defaults and the account's own codes, each mapped to a type. */
export const Status = Type.Object({ code: Type.String(), label: Type.String(), type: StatusTypeCode });
export type Status = Static<typeof Status>;

export const StatusType = Type.Object({ code: StatusTypeCode, label: Type.String() });
export type StatusType = Static<typeof StatusType>;

/** An API key as listed: never the key itself, which only its creation answer carries. */
export const ApiKey = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to recognise it' }),
  created_at: Timestamp,
  revoked_at: Type.Union([Timestamp, Type.Null()]),
});
export type ApiKey = Static<typeof ApiKey>;

export const CreatedApiKey = Type.Object({
  api_key: ApiKey,
  key: Type.String({ description: 'The key: shown in this answer only' }),
});

export const User = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  role: Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('viewer')]),
  created_at: Timestamp,
});
export type User = Static<typeof User>;

export const RehubToken = Type.Object({
  token: Type.String({ description: 'Send it as `Authorization: Bearer <token>` to /rehub' }),
  expires_in: Type.Integer({ description: 'Seconds it stays valid' }),
});
export type RehubToken = Static<typeof RehubToken>;

export const ProductActionId = Type.Object({
  id: Type.String({ description: 'The action, to find in `GET /rehub/product_actions`' }),
});

export const ProductActionType = Type.Union([
  Type.Literal('link'),
  Type.Literal('unlink'),
  Type.Literal('price_entry'),
]);

/** A Rehub action and its outcome, one result per SKU (and connection). */
export const ProductAction = Type.Object({
  id: Type.String(),
  type: ProductActionType,
  status: Type.Union([
    Type.Literal('processing'),
    Type.Literal('done'),
    Type.Literal('partial'),
    Type.Literal('failed'),
  ]),
  request: Type.Object({
    skus: Type.Array(Type.String()),
    connection_id: Type.Union([Type.Integer(), Type.Null()]),
  }),
  results: Type.Array(
    Type.Object({
      sku: Type.String(),
      connection_id: Type.Optional(Type.Integer()),
      outcome: Type.Union([Type.Literal('ok'), Type.Literal('failed')]),
      detail: Type.Optional(Type.Unknown({ description: 'The listings or sync outcomes it produced' })),
      error: Type.Optional(Type.String()),
    }),
  ),
  created_at: Timestamp,
  finished_at: Type.Union([Timestamp, Type.Null()]),
});
export type ProductAction = Static<typeof ProductAction>;
