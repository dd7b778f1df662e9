import { Type } from 'typebox';

/** Bodies of `/_control/shopee/...`. Money in BRL units (floats, like Shopee). */
export const AppBody = Type.Object({
  partner_id: Type.Optional(Type.Integer({ minimum: 1 })),
  partner_key: Type.Optional(Type.String({ minLength: 1 })),
  redirect_uris: Type.Optional(Type.Array(Type.String())),
});

export const SellerBody = Type.Object({
  id: Type.Optional(Type.Integer({ minimum: 1 })),
  name: Type.Optional(Type.String({ minLength: 1 })),
  region: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
  /** A multi-warehouse shop: its warehouses' location ids (S4). */
  location_ids: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  holiday_mode: Type.Optional(Type.Boolean()),
  /** Authorised through this main account: the consent redirects with main_account_id (S5). */
  main_account_id: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
});

export const TokenBody = Type.Object({
  partner_id: Type.Optional(Type.Integer()),
  shop_id: Type.Optional(Type.Integer()),
});

export const RevokeBody = Type.Object({
  access_token: Type.Optional(Type.String()),
  refresh_token: Type.Optional(Type.String()),
  shop_id: Type.Optional(Type.Integer()),
  partner_id: Type.Optional(Type.Integer()),
});

const Price = Type.Number({ exclusiveMinimum: 0 });

/** A promotion price locks `original_price` (update_price refuses it) while set. */
const ModelListing = Type.Object({
  sku: Type.Optional(Type.String()),
  name: Type.Optional(Type.String({ minLength: 1 })),
  price: Price,
  stock: Type.Optional(Type.Integer({ minimum: 0 })),
  promotion_price: Type.Optional(Price),
});

export const ListingBody = Type.Object({
  shop_id: Type.Optional(Type.Integer()),
  sku: Type.Optional(Type.String()),
  name: Type.Optional(Type.String({ minLength: 1 })),
  status: Type.Optional(Type.String()),
  /** Items without models: price and stock on the item. */
  price: Type.Optional(Price),
  stock: Type.Optional(Type.Integer({ minimum: 0 })),
  promotion_price: Type.Optional(Price),
  models: Type.Optional(Type.Array(ModelListing, { minItems: 1, maxItems: 50 })),
});

const ModelPatch = Type.Object({
  model_id: Type.Integer(),
  price: Type.Optional(Price),
  stock: Type.Optional(Type.Integer({ minimum: 0 })),
  promotion_price: Type.Optional(Type.Union([Price, Type.Null()])),
});

/** The seller's own edit in Seller Centre: applied at once, not logged as a write. */
export const ListingPatch = Type.Object({
  price: Type.Optional(Price),
  stock: Type.Optional(Type.Integer({ minimum: 0 })),
  status: Type.Optional(Type.String()),
  promotion_price: Type.Optional(Type.Union([Price, Type.Null()])),
  models: Type.Optional(Type.Array(ModelPatch)),
});

export const OrderBody = Type.Object({
  shop_id: Type.Optional(Type.Integer()),
  items: Type.Array(
    Type.Object({
      item_id: Type.Integer(),
      model_id: Type.Optional(Type.Integer()),
      quantity: Type.Integer({ minimum: 1 }),
    }),
    { minItems: 1 },
  ),
  status: Type.Optional(
    Type.Union([Type.Literal('UNPAID'), Type.Literal('READY_TO_SHIP'), Type.Literal('INVOICE_PENDING')]),
  ),
  /** Unix seconds. */
  create_time: Type.Optional(Type.Integer({ minimum: 0 })),
  buyer_username: Type.Optional(Type.String()),
});

export const StatusBody = Type.Object({ status: Type.String() });

export const SettingsBody = Type.Object({
  daily_call_limit: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  tracking_delay_ms: Type.Optional(Type.Integer({ minimum: 0 })),
  order_list_order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  logistics_mode: Type.Optional(
    Type.Union([Type.Literal('pickup'), Type.Literal('dropoff'), Type.Literal('non_integrated')]),
  ),
});
