import { Type } from 'typebox';
import { MG_MONEY } from './facts.ts';

/** Bodies of Magalu's own endpoints. Money is an integer number of cents [doc]. */
const Cents = Type.Integer({ minimum: 1 });

/** G3 [2nd: integrators quoting the doc] every price and stock body names its sales channel. */
const ChannelRef = Type.Object({ id: Type.String({ minLength: 1 }) });

/**
 * `POST` (create) and `PATCH` (update) `/seller/v1/portfolios/prices/{sku}` [2nd]:
 * `{channel:{id}, price, list_price, currency, normalizer}`.
 */
export const PriceBody = Type.Object({
  channel: ChannelRef,
  price: Cents,
  list_price: Type.Optional(Cents),
  currency: Type.Optional(Type.Literal(MG_MONEY.currency)),
  normalizer: Type.Optional(Type.Literal(MG_MONEY.normalizer)),
});

/**
 * `POST`/`PATCH` `/seller/v1/portfolios/stocks/{sku}` [2nd]:
 * `{channel:{id}, quantity, type:"AVAILABLE", branch?:{id}}`; only AVAILABLE is written [unverified].
 */
export const StockBody = Type.Object({
  channel: ChannelRef,
  quantity: Type.Integer({ minimum: 0 }),
  type: Type.Optional(Type.Literal('AVAILABLE')),
  branch: Type.Optional(ChannelRef),
});

/** G3 [2nd] `PATCH /seller/v1/portfolios/skus/{sku}`: a partial SKU; `active: false` takes it off sale. */
export const SkuPatch = Type.Object({
  active: Type.Optional(Type.Boolean()),
  title: Type.Optional(Type.String({ minLength: 1 })),
  description: Type.Optional(Type.String({ minLength: 1 })),
  brand: Type.Optional(Type.String({ minLength: 1 })),
});

/**
 * [doc: seller-produtos post_skus] `POST /seller/v1/portfolios/skus`: `sku` 1–50 characters;
 * G1: `description` and `brand` are required, at least 1 character.
 */
export const SkuPost = Type.Object({
  sku: Type.String({ minLength: 1, maxLength: 50 }),
  title: Type.String({ minLength: 1 }),
  description: Type.String({ minLength: 1 }),
  brand: Type.String({ minLength: 1 }),
  group: Type.Optional(Type.Object({ id: Type.String(), main_variation: Type.Optional(Type.Boolean()) })),
  channels: Type.Optional(Type.Array(Type.Object({ id: Type.String() }))),
  identifiers: Type.Optional(
    Type.Array(
      Type.Object({ type: Type.Union([Type.Literal('ean'), Type.Literal('isbn')]), value: Type.String() }),
    ),
  ),
});

const Channel = Type.Object({
  id: Type.String(),
  extras: Type.Optional(Type.Record(Type.String(), Type.String())),
});

/** [doc] `POST /seller/v1/deliveries/{id}/invoices`: the NF-e with its 44-digit key. */
export const InvoicePost = Type.Object({
  key: Type.String({ pattern: '^[0-9]{44}$' }),
  issued_at: Type.String({ minLength: 1 }),
  issuer: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  amount: Type.Number({ minimum: 0 }),
  channel: Channel,
  xml: Type.String({ minLength: 1 }),
});

/** [2nd] fixing an invalid invoice (`…/invoices/{key}`): the same without key and issuer. */
export const InvoiceFix = Type.Object({
  issued_at: Type.String({ minLength: 1 }),
  amount: Type.Number({ minimum: 0 }),
  channel: Channel,
  xml: Type.String({ minLength: 1 }),
});

/** [2nd] `POST /seller/v1/deliveries/{id}/shippings`. */
export const ShippingPost = Type.Object({
  channel: Channel,
  tracking_url: Type.String({ minLength: 1 }),
  dates: Type.Object({ estimated_delivery_at: Type.String(), shipped_at: Type.String() }),
  carrier: Type.Optional(Type.Object({ name: Type.String() })),
  protocol: Type.Optional(Type.String()),
});

/** [2nd] `POST /seller/v1/deliveries/{id}/finishing`. */
export const FinishingPost = Type.Object({
  channel: Channel,
  delivered_at: Type.Optional(Type.String()),
});

/** `POST https://id.magalu.com/oauth/token` [doc]: JSON for the code, form for the refresh [2nd]. */
export const TokenRequest = Type.Union([
  Type.Object({
    grant_type: Type.Literal('authorization_code'),
    client_id: Type.String({ minLength: 1 }),
    client_secret: Type.String({ minLength: 1 }),
    code: Type.String({ minLength: 1 }),
    redirect_uri: Type.String({ minLength: 1 }),
  }),
  Type.Object({
    grant_type: Type.Literal('refresh_token'),
    client_id: Type.String({ minLength: 1 }),
    client_secret: Type.String({ minLength: 1 }),
    refresh_token: Type.String({ minLength: 1 }),
  }),
]);
