/**
 * A connection's rules turn the ERP's values into what that marketplace receives (DESIGN §3.6).
 * Pure functions, so the dry-run preview and the runs compute exactly the same numbers.
 */
import { type Static, Type } from 'typebox';

const Percent = Type.Number({ minimum: 0, maximum: 100 });

export const StockRules = Type.Object(
  {
    buffer_units: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Units held back.' }),
    ),
    buffer_percent: Type.Optional({ ...Percent, description: 'Share of the stock held back (rounded up).' }),
    max_qty: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Never list more.' }),
    ),
    zero_below: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1_000_000,
        description: 'List 0 when fewer units than this remain.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PriceRules = Type.Object(
  {
    markup_percent: Type.Optional(Type.Number({ minimum: -90, maximum: 1000 })),
    markup_fixed: Type.Optional(Type.Number({ minimum: -1_000_000, maximum: 1_000_000, multipleOf: 0.01 })),
    rounding: Type.Optional(
      Type.Union([Type.Literal('none'), Type.Literal('0.90'), Type.Literal('0.99'), Type.Literal('integer')]),
    ),
    promotion: Type.Optional(
      Type.Object(
        {
          percent_off: Type.Number({ exclusiveMinimum: 0, maximum: 90 }),
          starts_at: Type.Optional(Type.String({ format: 'date-time' })),
          ends_at: Type.Optional(Type.String({ format: 'date-time' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const Rules = Type.Object(
  { stock: Type.Optional(StockRules), price: Type.Optional(PriceRules) },
  { additionalProperties: false },
);
export type Rules = Static<typeof Rules>;

export interface StockInput {
  qty: number;
  /** Units reserved by orders the ERP has not acknowledged yet (DESIGN §4.3). */
  reserved: number;
  /** Removed or disabled products are listed with 0. */
  sellable: boolean;
}

export function effectiveStock(input: StockInput, rules: Rules['stock'] = {}): number {
  if (!input.sellable) return 0;
  let qty = Math.max(0, input.qty - input.reserved);
  if (rules.buffer_units) qty -= rules.buffer_units;
  if (rules.buffer_percent) qty -= Math.ceil((Math.max(qty, 0) * rules.buffer_percent) / 100);
  qty = Math.max(0, qty);
  if (rules.zero_below !== undefined && qty < rules.zero_below) qty = 0;
  if (rules.max_qty !== undefined) qty = Math.min(qty, rules.max_qty);
  return qty;
}

export interface PriceInput {
  price: number | null;
  promotionalPrice: number | null;
}

export interface EffectivePrice {
  price: number | null;
  promotionalPrice: number | null;
  promotionStartsAt?: Date | undefined;
  promotionEndsAt?: Date | undefined;
}

const cents = (value: number) => Math.round(value * 100) / 100;

function applyMarkup(value: number, rules: NonNullable<Rules['price']>): number {
  let result = value * (1 + (rules.markup_percent ?? 0) / 100) + (rules.markup_fixed ?? 0);
  switch (rules.rounding) {
    case '0.90':
    case '0.99': {
      const ending = rules.rounding === '0.90' ? 0.9 : 0.99;
      const candidate = Math.floor(result) + ending;
      result = candidate + 1e-9 >= result ? candidate : candidate + 1;
      break;
    }
    case 'integer':
      result = Math.round(result);
      break;
  }
  return cents(Math.max(0.01, result));
}

function promotionActive(
  promotion: NonNullable<NonNullable<Rules['price']>['promotion']>,
  now: Date,
): boolean {
  if (promotion.starts_at && Date.parse(promotion.starts_at) > now.getTime()) return false;
  if (promotion.ends_at && Date.parse(promotion.ends_at) <= now.getTime()) return false;
  return true;
}

/**
 * The ERP's promotional price wins; a rule promotion applies only when the ERP gave none, and only
 * inside its window. A promotional price is never above the regular price sent.
 */
export function effectivePrice(
  input: PriceInput,
  rules: Rules['price'] = {},
  now = new Date(),
): EffectivePrice {
  if (input.price === null) return { price: null, promotionalPrice: null };
  const price = applyMarkup(input.price, rules);
  let promotionalPrice: number | null = null;
  let window: Pick<EffectivePrice, 'promotionStartsAt' | 'promotionEndsAt'> = {};
  if (input.promotionalPrice !== null) {
    promotionalPrice = applyMarkup(input.promotionalPrice, rules);
  } else if (rules.promotion && promotionActive(rules.promotion, now)) {
    promotionalPrice = cents(price * (1 - rules.promotion.percent_off / 100));
    window = {
      promotionStartsAt: rules.promotion.starts_at ? new Date(rules.promotion.starts_at) : undefined,
      promotionEndsAt: rules.promotion.ends_at ? new Date(rules.promotion.ends_at) : undefined,
    };
  }
  if (promotionalPrice !== null && promotionalPrice >= price) promotionalPrice = null;
  return { price, promotionalPrice, ...window };
}

/** An effective price as the API answers it: snake_case, the promotion window as ISO stamps. */
export function presentPrice(price: EffectivePrice) {
  return {
    price: price.price,
    promotional_price: price.promotionalPrice,
    ...(price.promotionStartsAt ? { promotion_starts_at: price.promotionStartsAt.toISOString() } : {}),
    ...(price.promotionEndsAt ? { promotion_ends_at: price.promotionEndsAt.toISOString() } : {}),
  };
}

/** The next instant at which a rule promotion starts or ends (the effective price changes then). */
export function nextPromotionBoundary(rules: Rules['price'] = {}, now = new Date()): Date | undefined {
  const p = rules.promotion;
  if (!p) return undefined;
  const times = [p.starts_at, p.ends_at]
    .filter((t): t is string => t !== undefined)
    .map((t) => new Date(t))
    .filter((t) => t > now);
  return times.sort((a, b) => a.getTime() - b.getTime())[0];
}
