import type { Static } from 'typebox';
import { Type } from 'typebox';

/** Bodies of ML's own endpoints, as the simulator validates them. */
const Attribute = Type.Object({
  id: Type.String({ minLength: 1 }),
  name: Type.Optional(Type.String()),
  value_id: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  value_name: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

const Quantity = Type.Integer({ minimum: 0 });
const Price = Type.Number({ exclusiveMinimum: 0 });

export const VariationPut = Type.Object({
  id: Type.Optional(Type.Integer()),
  price: Type.Optional(Price),
  available_quantity: Type.Optional(Quantity),
  attribute_combinations: Type.Optional(Type.Array(Attribute)),
  attributes: Type.Optional(Type.Array(Attribute)),
  seller_custom_field: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  picture_ids: Type.Optional(Type.Array(Type.String())),
});

/** `PUT /items/{id}`: a partial item. Unknown fields are ignored, as ML ignores them [unverified]. */
export const ItemPut = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1 })),
  price: Type.Optional(Price),
  available_quantity: Type.Optional(Quantity),
  status: Type.Optional(Type.String()),
  seller_custom_field: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  variations: Type.Optional(Type.Array(VariationPut)),
});

/**
 * `POST /items` (and `POST /items/multiwarehouse`). [unverified] which fields are required: the
 * classic listing ones; `title` for classic sellers, `family_name` for User Products sellers
 * (checked by the route, which knows the seller).
 */
export const ItemPost = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1 })),
  family_name: Type.Optional(Type.String({ minLength: 1 })),
  /** M1 `POST /items/multiwarehouse` [doc]: the stock of each warehouse. */
  stock_locations: Type.Optional(
    Type.Array(Type.Object({ store_id: Type.String({ minLength: 1 }), quantity: Quantity }), { minItems: 1 }),
  ),
  category_id: Type.String({ minLength: 1 }),
  price: Type.Optional(Price),
  currency_id: Type.String({ minLength: 3 }),
  available_quantity: Type.Optional(Quantity),
  buying_mode: Type.String(),
  listing_type_id: Type.String(),
  condition: Type.Optional(Type.String()),
  pictures: Type.Optional(Type.Array(Type.Unknown())),
  attributes: Type.Optional(Type.Array(Attribute)),
  seller_custom_field: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  variations: Type.Optional(Type.Array(VariationPut)),
});

/** `POST /seller-promotions/items/{id}?app_version=v2` (and PUT) [2nd]. */
export const PromotionBody = Type.Object({
  promotion_type: Type.Literal('PRICE_DISCOUNT'),
  deal_price: Price,
  top_deal_price: Type.Optional(Price),
  start_date: Type.String(),
  finish_date: Type.String(),
});

/**
 * `POST /shipments/{id}/invoice_data` [unverified: body not in the reference]. JSON with the
 * NF-e key; an NF-e XML body is accepted too and its key read from it.
 */
export const InvoiceData = Type.Object({
  fiscal_key: Type.String({ pattern: '^[0-9]{44}$' }),
  invoice_number: Type.Optional(Type.Union([Type.String(), Type.Integer()])),
  invoice_series: Type.Optional(Type.Union([Type.String(), Type.Integer()])),
  issue_date: Type.Optional(Type.String()),
  amount: Type.Optional(Type.Number()),
});

/**
 * M1 `PUT /user-products/{id}/stock/type/seller_warehouse` [doc]:
 * `{"locations":[{"store_id","network_node_id"(optional),"quantity"}]}`.
 */
export const StockLocationsPut = Type.Object({
  locations: Type.Array(
    Type.Object({
      store_id: Type.String({ minLength: 1 }),
      network_node_id: Type.Optional(Type.String()),
      quantity: Type.Integer({ minimum: 0 }),
    }),
    { minItems: 1 },
  ),
});

export type ItemPostBody = Static<typeof ItemPost>;

/**
 * `POST /oauth/token` [doc/2nd], form-urlencoded: the two grants Cais uses, each with its
 * required fields (`code_verifier` only with PKCE).
 */
export const TokenRequest = Type.Union([
  Type.Object({
    grant_type: Type.Literal('authorization_code'),
    client_id: Type.String({ minLength: 1 }),
    client_secret: Type.String({ minLength: 1 }),
    code: Type.String({ minLength: 1 }),
    redirect_uri: Type.String({ minLength: 1 }),
    code_verifier: Type.Optional(Type.String({ minLength: 43, maxLength: 128 })),
  }),
  Type.Object({
    grant_type: Type.Literal('refresh_token'),
    client_id: Type.String({ minLength: 1 }),
    client_secret: Type.String({ minLength: 1 }),
    refresh_token: Type.String({ minLength: 1 }),
  }),
]);
