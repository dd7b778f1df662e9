import { Type } from 'typebox';

/** Bodies of `/_control/amazon/...`. Money in the marketplace's currency units (59.9). */
export const AppBody = Type.Object({
  client_id: Type.Optional(Type.String({ minLength: 1 })),
  client_secret: Type.Optional(Type.String({ minLength: 1 })),
  application_id: Type.Optional(Type.String({ minLength: 1 })),
  redirect_uris: Type.Optional(Type.Array(Type.String())),
  /** The app holds Amazon's PII roles (the 2026 Orders API answers buyer and address); default true. */
  pii_roles: Type.Optional(Type.Boolean()),
});

export const SellerBody = Type.Object({
  id: Type.Optional(Type.String({ pattern: '^A[0-9A-Z]{8,20}$' })),
  name: Type.Optional(Type.String({ minLength: 1 })),
  marketplace_ids: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
});

export const TokenBody = Type.Object({
  client_id: Type.Optional(Type.String()),
  seller_id: Type.Optional(Type.String()),
});

export const RevokeBody = Type.Object({
  access_token: Type.Optional(Type.String()),
  refresh_token: Type.Optional(Type.String()),
  seller_id: Type.Optional(Type.String()),
  client_id: Type.Optional(Type.String()),
});

const Discount = Type.Object({
  value: Type.Number({ exclusiveMinimum: 0 }),
  start_at: Type.String(),
  end_at: Type.String(),
});

export const ListingBody = Type.Object({
  seller_id: Type.Optional(Type.String()),
  sku: Type.String({ minLength: 1, maxLength: 40 }),
  marketplace_id: Type.Optional(Type.String()),
  product_type: Type.Optional(Type.String({ minLength: 1 })),
  title: Type.Optional(Type.String({ minLength: 1 })),
  price: Type.Number({ exclusiveMinimum: 0 }),
  quantity: Type.Optional(Type.Integer({ minimum: 0 })),
  discounted_price: Type.Optional(Discount),
});

/** The seller's own edit in Seller Central: applied at once, not logged as a write. */
export const ListingPatch = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1 })),
  price: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  quantity: Type.Optional(Type.Integer({ minimum: 0 })),
  discounted_price: Type.Optional(Type.Union([Discount, Type.Null()])),
});

export const OrderBody = Type.Object({
  seller_id: Type.Optional(Type.String()),
  marketplace_id: Type.Optional(Type.String()),
  items: Type.Array(
    Type.Object({
      sku: Type.String(),
      quantity: Type.Integer({ minimum: 1 }),
      unit_price: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    }),
    { minItems: 1 },
  ),
  status: Type.Optional(
    Type.Union([Type.Literal('PendingAvailability'), Type.Literal('Pending'), Type.Literal('Unshipped')]),
  ),
  fulfillment_channel: Type.Optional(Type.Union([Type.Literal('MFN'), Type.Literal('AFN')])),
  purchase_date: Type.Optional(Type.String()),
});

export const StatusBody = Type.Object({ status: Type.String() });

export const SettingsBody = Type.Object({
  compress_reports: Type.Optional(Type.Boolean()),
  /** false: the Orders API v2026-01-01 answers 404 (a region where only v0 is deployed). */
  orders_2026: Type.Optional(Type.Boolean()),
  apply_delay_ms: Type.Optional(Type.Integer({ minimum: 0 })),
  feed_queue_ms: Type.Optional(Type.Integer({ minimum: 0 })),
  feed_processing_ms: Type.Optional(Type.Integer({ minimum: 0 })),
});
