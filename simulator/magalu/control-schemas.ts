import { Type } from 'typebox';

/** Bodies of `/_control/magalu/...`. Money in integer cents, like Magalu. */
export const AppBody = Type.Object({
  client_id: Type.Optional(Type.String({ minLength: 1 })),
  client_secret: Type.Optional(Type.String({ minLength: 1 })),
  redirect_uris: Type.Optional(Type.Array(Type.String())),
  default_scopes: Type.Optional(Type.Array(Type.String())),
});

export const SellerBody = Type.Object({
  id: Type.Optional(Type.String({ minLength: 1 })),
  name: Type.Optional(Type.String({ minLength: 1 })),
  channel_ids: Type.Optional(Type.Array(Type.String())),
});

export const TokenBody = Type.Object({
  client_id: Type.Optional(Type.String()),
  seller_id: Type.Optional(Type.String()),
  /** Defaults to the app's default scopes. */
  scopes: Type.Optional(Type.Array(Type.String())),
});

export const RevokeBody = Type.Object({
  access_token: Type.Optional(Type.String()),
  refresh_token: Type.Optional(Type.String()),
  seller_id: Type.Optional(Type.String()),
  client_id: Type.Optional(Type.String()),
});

export const ListingBody = Type.Object({
  seller_id: Type.Optional(Type.String()),
  sku: Type.String({ minLength: 1, maxLength: 50 }),
  title: Type.Optional(Type.String({ minLength: 1 })),
  /** Sale price in cents. */
  price: Type.Integer({ minimum: 1 }),
  /** Strike-through price in cents; defaults to price. */
  list_price: Type.Optional(Type.Integer({ minimum: 1 })),
  stock: Type.Optional(Type.Integer({ minimum: 0 })),
  status: Type.Optional(Type.String()),
  channel_id: Type.Optional(Type.String()),
  /** false: the SKU has no price (stock) entry yet, so a PATCH is a 404 until a POST (G3). */
  price_entry: Type.Optional(Type.Boolean()),
  stock_entry: Type.Optional(Type.Boolean()),
});

/** The seller's own change on Magalu's side: applied at once, not logged as a write. */
export const ListingPatch = Type.Object({
  price: Type.Optional(Type.Integer({ minimum: 1 })),
  list_price: Type.Optional(Type.Integer({ minimum: 1 })),
  stock: Type.Optional(Type.Integer({ minimum: 0 })),
  status: Type.Optional(Type.String()),
});

export const OrderBody = Type.Object({
  seller_id: Type.Optional(Type.String()),
  channel_id: Type.Optional(Type.String()),
  items: Type.Array(
    Type.Object({
      sku: Type.String(),
      quantity: Type.Integer({ minimum: 1 }),
      unit_price: Type.Optional(Type.Integer({ minimum: 1 })),
    }),
    { minItems: 1 },
  ),
  status: Type.Optional(Type.Union([Type.Literal('new'), Type.Literal('approved')])),
  customer_name: Type.Optional(Type.String()),
  purchased_at: Type.Optional(Type.String()),
  /** Freight the buyer paid, in cents (added to the total). */
  freight: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const StatusBody = Type.Object({ status: Type.String() });

export const SettingsBody = Type.Object({
  apply_delay_ms: Type.Optional(Type.Integer({ minimum: 0 })),
  invoice_validation_ms: Type.Optional(Type.Integer({ minimum: 0 })),
});
