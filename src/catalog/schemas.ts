/**
 * SkyHub's product and variation shapes, as JSON schemas (the contract, the TypeScript types and
 * the OpenAPI document all come from these). Unknown fields are refused: a misspelt `quantity`
 * silently doing nothing is the kind of bug a seller never finds.
 */
import { type Static, Type } from 'typebox';

export const MAX_MONEY = 99_999_999.99;
export const MAX_QTY = 1_000_000_000;

export const Sku = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^\\S+$',
  description: 'Unique per account across products and variations; no whitespace.',
});
export const Qty = Type.Integer({ minimum: 0, maximum: MAX_QTY });
// minimum 0.01, not exclusiveMinimum 0: multipleOf's float tolerance lets 1e-12 through, which
// numeric(12,2) would store as a price of 0.00.
export const Price = Type.Number({ minimum: 0.01, maximum: MAX_MONEY, multipleOf: 0.01 });
const Measure = Type.Number({ minimum: 0, maximum: 1_000_000 });
const ShortText = Type.String({ maxLength: 255 });

/** The ERP's own stamp of a stock/price write; an older stamp than the last accepted is refused. */
export const SourceStamps = {
  updated_at: Type.Optional(
    Type.String({ format: 'date-time', description: "The ERP's time of this value." }),
  ),
  sequence: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: "The ERP's sequence of this value.",
    }),
  ),
};

const Category = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 100 }), name: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);
const Specification = Type.Object(
  {
    key: Type.Optional(Type.String({ maxLength: 255 })),
    id: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Integer()])),
    value: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Number(), Type.Boolean()])),
    idValue: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Integer()])),
  },
  { additionalProperties: false },
);
const Images = Type.Array(Type.String({ minLength: 1, maxLength: 2048 }), { maxItems: 50 });
const Specifications = Type.Array(Specification, { maxItems: 200 });

const sharedFields = {
  qty: Type.Optional(Qty),
  price: Type.Optional(Price),
  promotional_price: Type.Optional(Type.Union([Price, Type.Null()])),
  status: Type.Optional(Type.Union([Type.Literal('enabled'), Type.Literal('disabled')])),
  ean: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  images: Type.Optional(Images),
  specifications: Type.Optional(Specifications),
  weight: Type.Optional(Measure),
  height: Type.Optional(Measure),
  width: Type.Optional(Measure),
  length: Type.Optional(Measure),
  crossdocking: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  ...SourceStamps,
};

export const VariationFields = Type.Object(
  { sku: Type.Optional(Sku), ...sharedFields },
  { additionalProperties: false },
);
export type VariationFields = Static<typeof VariationFields>;

export const VariationInput = Type.Object({ sku: Sku, ...sharedFields }, { additionalProperties: false });
export type VariationInput = Static<typeof VariationInput>;

const productFields = {
  ...sharedFields,
  name: Type.Optional(Type.String({ maxLength: 500 })),
  description: Type.Optional(Type.Union([Type.String({ maxLength: 100_000 }), Type.Null()])),
  cost: Type.Optional(
    Type.Union([Type.Number({ minimum: 0, maximum: MAX_MONEY, multipleOf: 0.01 }), Type.Null()]),
  ),
  brand: Type.Optional(Type.Union([ShortText, Type.Null()])),
  nbm: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
  categories: Type.Optional(Type.Array(Category, { maxItems: 10 })),
  variations: Type.Optional(Type.Array(VariationInput, { maxItems: 500 })),
  variation_attributes: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 50 })),
  // SkyHub's GET answers carry these two; clients that send a product back as they read it
  // include them, so they are accepted and ignored.
  removed: Type.Optional(Type.Boolean()),
  associations: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 100 })),
};

export const ProductFields = Type.Object(
  { sku: Type.Optional(Sku), ...productFields },
  { additionalProperties: false },
);
export type ProductFields = Static<typeof ProductFields>;

export const ProductInput = Type.Object({ sku: Sku, ...productFields }, { additionalProperties: false });
export type ProductInput = Static<typeof ProductInput>;

export const VariationOutput = Type.Object({
  sku: Type.String(),
  qty: Type.Integer(),
  price: Type.Union([Type.Number(), Type.Null()]),
  promotional_price: Type.Union([Type.Number(), Type.Null()]),
  status: Type.String(),
  ean: Type.Union([Type.String(), Type.Null()]),
  images: Type.Array(Type.String()),
  specifications: Type.Array(Type.Unknown()),
});

export const ProductOutput = Type.Object({
  sku: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  qty: Type.Integer(),
  price: Type.Union([Type.Number(), Type.Null()]),
  promotional_price: Type.Union([Type.Number(), Type.Null()]),
  cost: Type.Union([Type.Number(), Type.Null()]),
  weight: Type.Union([Type.Number(), Type.Null()]),
  height: Type.Union([Type.Number(), Type.Null()]),
  width: Type.Union([Type.Number(), Type.Null()]),
  length: Type.Union([Type.Number(), Type.Null()]),
  brand: Type.Union([Type.String(), Type.Null()]),
  ean: Type.Union([Type.String(), Type.Null()]),
  nbm: Type.Union([Type.String(), Type.Null()]),
  crossdocking: Type.Union([Type.Integer(), Type.Null()]),
  categories: Type.Array(Type.Unknown()),
  images: Type.Array(Type.String()),
  specifications: Type.Array(Type.Unknown()),
  variations: Type.Array(VariationOutput),
  variation_attributes: Type.Array(Type.String()),
  removed: Type.Boolean(),
  associations: Type.Array(Type.Unknown()),
});
export type ProductOutput = Static<typeof ProductOutput>;

export const StockItem = Type.Object(
  { sku: Sku, qty: Qty, ...SourceStamps },
  { additionalProperties: false },
);
export type StockItem = Static<typeof StockItem>;

export const PriceItem = Type.Object(
  {
    sku: Sku,
    price: Type.Optional(Price),
    promotional_price: Type.Optional(Type.Union([Price, Type.Null()])),
    ...SourceStamps,
  },
  { additionalProperties: false },
);
export type PriceItem = Static<typeof PriceItem>;

export const BULK_MAX_ITEMS = 1000;
