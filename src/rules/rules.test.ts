import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectivePrice, effectiveStock, nextPromotionBoundary } from './rules.ts';

describe('effective stock', () => {
  it('passes the ERP value through when there are no rules', () => {
    assert.equal(effectiveStock({ qty: 7, reserved: 0, sellable: true }), 7);
  });
  it('subtracts reservations, then buffers, and never goes below zero', () => {
    assert.equal(effectiveStock({ qty: 10, reserved: 3, sellable: true }, { buffer_units: 2 }), 5);
    assert.equal(effectiveStock({ qty: 2, reserved: 0, sellable: true }, { buffer_units: 5 }), 0);
    assert.equal(effectiveStock({ qty: 3, reserved: 5, sellable: true }), 0);
  });
  it('holds back a percentage rounded up', () => {
    assert.equal(effectiveStock({ qty: 10, reserved: 0, sellable: true }, { buffer_percent: 15 }), 8);
  });
  it('lists zero below the threshold and caps at the maximum', () => {
    assert.equal(effectiveStock({ qty: 2, reserved: 0, sellable: true }, { zero_below: 3 }), 0);
    assert.equal(effectiveStock({ qty: 3, reserved: 0, sellable: true }, { zero_below: 3 }), 3);
    assert.equal(effectiveStock({ qty: 500, reserved: 0, sellable: true }, { max_qty: 50 }), 50);
  });
  it('lists zero for a product that is removed or disabled', () => {
    assert.equal(effectiveStock({ qty: 9, reserved: 0, sellable: false }), 0);
  });
});

describe('effective price', () => {
  it('applies markup and rounds to .90 at or above the marked-up value', () => {
    assert.deepEqual(
      effectivePrice({ price: 100, promotionalPrice: null }, { markup_percent: 10, rounding: '0.90' }),
      {
        price: 110.9,
        promotionalPrice: null,
      },
    );
    assert.equal(effectivePrice({ price: 49.9, promotionalPrice: null }, { rounding: '0.90' }).price, 49.9);
    assert.equal(effectivePrice({ price: 49.95, promotionalPrice: null }, { rounding: '0.90' }).price, 50.9);
  });
  it('adds a fixed markup and keeps two decimals', () => {
    assert.equal(effectivePrice({ price: 10.1, promotionalPrice: null }, { markup_fixed: 0.2 }).price, 10.3);
  });
  it("passes the ERP's promotional price through the same markup", () => {
    const out = effectivePrice({ price: 100, promotionalPrice: 80 }, { markup_percent: 10 });
    assert.deepEqual(out, { price: 110, promotionalPrice: 88 });
  });
  it('applies a rule promotion only inside its window', () => {
    const rules = {
      promotion: { percent_off: 20, starts_at: '2026-01-10T00:00:00Z', ends_at: '2026-01-20T00:00:00Z' },
    };
    assert.equal(
      effectivePrice({ price: 100, promotionalPrice: null }, rules, new Date('2026-01-09T00:00:00Z'))
        .promotionalPrice,
      null,
    );
    const inside = effectivePrice(
      { price: 100, promotionalPrice: null },
      rules,
      new Date('2026-01-15T00:00:00Z'),
    );
    assert.equal(inside.promotionalPrice, 80);
    assert.equal(inside.promotionEndsAt?.toISOString(), '2026-01-20T00:00:00.000Z');
    assert.equal(
      effectivePrice({ price: 100, promotionalPrice: null }, rules, new Date('2026-01-20T00:00:00Z'))
        .promotionalPrice,
      null,
    );
    assert.equal(
      nextPromotionBoundary(rules.promotion ? rules : {}, new Date('2026-01-15T00:00:00Z'))?.toISOString(),
      '2026-01-20T00:00:00.000Z',
    );
  });
  it('drops a promotional price that is not below the price', () => {
    assert.equal(effectivePrice({ price: 50, promotionalPrice: 50 }).promotionalPrice, null);
  });
  it('has no price to send when the ERP sent none', () => {
    assert.deepEqual(effectivePrice({ price: null, promotionalPrice: null }, { markup_percent: 10 }), {
      price: null,
      promotionalPrice: null,
    });
  });
});
