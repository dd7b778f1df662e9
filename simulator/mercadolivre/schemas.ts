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

/** `POST /items`. [unverified] which fields are required: the classic listing ones. */
export const ItemPost = Type.Object({
  title: Type.String({ minLength: 1 }),
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
