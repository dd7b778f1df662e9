import { Type } from 'typebox';

/** Bodies of `/_control/mercadolivre/...` (the simulator's own API, not ML's). */
export const AppBody = Type.Object({
  client_id: Type.Optional(Type.String({ pattern: '^[0-9]{1,20}$' })),
  client_secret: Type.Optional(Type.String({ minLength: 1 })),
  redirect_uris: Type.Optional(Type.Array(Type.String())),
  callback_url: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  topics: Type.Optional(Type.Array(Type.String())),
  pkce: Type.Optional(Type.Boolean()),
});

export const SellerBody = Type.Object({
  id: Type.Optional(Type.Integer({ minimum: 1 })),
  nickname: Type.Optional(Type.String({ minLength: 1 })),
  tags: Type.Optional(Type.Array(Type.String())),
  /** Warehouse (store) ids of a multi-origin seller (tag `warehouse_management`). */
  stores: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
});

export const TokenBody = Type.Object({
  client_id: Type.Optional(Type.String()),
  user_id: Type.Optional(Type.Integer()),
});

export const RevokeBody = Type.Object({
  access_token: Type.Optional(Type.String()),
  refresh_token: Type.Optional(Type.String()),
  user_id: Type.Optional(Type.Integer()),
  client_id: Type.Optional(Type.String()),
});

const VariationListing = Type.Object({
  sku: Type.Optional(Type.String()),
  price: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  available_quantity: Type.Optional(Type.Integer({ minimum: 0 })),
  /** e.g. `{"COLOR": "Azul", "SIZE": "M"}` */
  attributes: Type.Optional(Type.Record(Type.String(), Type.String())),
});

export const ListingBody = Type.Object({
  user_id: Type.Optional(Type.Integer()),
  title: Type.Optional(Type.String({ minLength: 1 })),
  sku: Type.Optional(Type.String()),
  price: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  available_quantity: Type.Optional(Type.Integer({ minimum: 0 })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('closed')])),
  category_id: Type.Optional(Type.String()),
  listing_type_id: Type.Optional(Type.String()),
  /** `fulfillment` makes a Full item, whose stock ML manages. */
  logistic_type: Type.Optional(Type.String()),
  price_automation: Type.Optional(Type.Boolean()),
  variations: Type.Optional(Type.Array(VariationListing)),
  /** A User Products seller's item: its family (M2). */
  family_name: Type.Optional(Type.String({ minLength: 1 })),
  /** A multi-origin seller's stock per store id; default: all of it in the first store (M1). */
  stock_locations: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0 }))),
});

/** A change made on the marketplace's side (the seller's own edit): not logged as a write. */
export const ListingPatch = Type.Object({
  price: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  available_quantity: Type.Optional(Type.Integer({ minimum: 0 })),
  status: Type.Optional(Type.String()),
});

export const OrderBody = Type.Object({
  user_id: Type.Optional(Type.Integer()),
  items: Type.Array(
    Type.Object({
      item_id: Type.String(),
      variation_id: Type.Optional(Type.Integer()),
      quantity: Type.Integer({ minimum: 1 }),
      unit_price: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    }),
    { minItems: 1 },
  ),
  status: Type.Optional(Type.String()),
  buyer: Type.Optional(
    Type.Object({ id: Type.Optional(Type.Integer()), nickname: Type.Optional(Type.String()) }),
  ),
  pack_id: Type.Optional(Type.Integer()),
  date_created: Type.Optional(Type.String()),
});

export const StatusBody = Type.Object({
  status: Type.String(),
  substatus: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  tracking_number: Type.Optional(Type.String()),
});

export const SettingsBody = Type.Object({
  /** The next N user-product stock PUTs meet a concurrent writer and get 409 Version mismatch. */
  concurrent_stock_writes: Type.Optional(Type.Integer({ minimum: 0 })),
  notification_time_scale: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  notification_timeout_ms: Type.Optional(Type.Integer({ minimum: 1 })),
});
