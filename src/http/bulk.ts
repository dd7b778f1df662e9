/**
 * Beyond SkyHub: bulk stock and price writes, up to 1,000 items a request, each item with its own
 * result. A malformed item fails the whole request (400, nothing changed); an unknown SKU or a
 * stale stamp only affects its own item.
 */
import { type TSchema, Type } from 'typebox';
import { BULK_MAX_ITEMS, PriceItem, StockItem } from '../catalog/schemas.ts';
import { applyPriceUpdates, applyStockUpdates, type WriteResult } from '../catalog/stock-price.ts';
import { invalid } from '../errors.ts';
import { errorResponses, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { writeContext } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const WriteResultSchema = Type.Object({
  sku: Type.String(),
  status: Type.Union([
    Type.Literal('updated'),
    Type.Literal('unchanged'),
    Type.Literal('stale'),
    Type.Literal('not_found'),
    Type.Literal('rejected'),
  ]),
  version: Type.Optional(Type.Integer()),
  error: Type.Optional(Type.String()),
});

const BulkResponse = Type.Object({
  results: Type.Array(WriteResultSchema),
  summary: Type.Record(Type.String(), Type.Integer()),
});

// validate() compiles each schema object once; the array schemas are made once too, not per request.
const bulkSchemas = new Map<TSchema, TSchema>();
function bulkSchema(item: TSchema): TSchema {
  let schema = bulkSchemas.get(item);
  if (!schema) {
    schema = Type.Array(item, { minItems: 1, maxItems: BULK_MAX_ITEMS });
    bulkSchemas.set(item, schema);
  }
  return schema;
}

function itemsOf<T extends { sku: string }>(body: unknown, key: string, schema: TSchema): T[] {
  // unwrap refuses fields beside the wrapper: {"stocks": [...], "prices": [...]} is not half-applied.
  const list = Array.isArray(body) || body === null || typeof body !== 'object' ? body : unwrap(body, key);
  if (!Array.isArray(list)) {
    throw invalid(`body: must be an array of items, or {"${key}": [...]}`, {
      code: 'invalid_field',
      params: { field: 'body', rule: 'type', type: `[...] / {"${key}": [...]}` },
    });
  }
  const array = validate<T[]>(bulkSchema(schema), list, key);
  const seen = new Map<string, number>();
  for (const [i, item] of array.entries()) {
    const first = seen.get(item.sku);
    if (first !== undefined)
      throw invalid(`${key}[${i}].sku: ${item.sku} repeats ${key}[${first}]; send each SKU once`, {
        code: 'invalid_field',
        params: { field: `${key}[${i}].sku`, rule: 'repeats', value: item.sku, first: `${key}[${first}]` },
      });
    seen.set(item.sku, i);
  }
  return array;
}

function summarise(results: WriteResult[]) {
  const summary: Record<string, number> = { updated: 0, unchanged: 0, stale: 0, not_found: 0, rejected: 0 };
  for (const r of results) summary[r.status] = (summary[r.status] ?? 0) + 1;
  return { results, summary };
}

export function bulkRoutes(api: SellerApi): void {
  const tags = ['Bulk stock and price'];
  api.put(
    '/stocks',
    {
      schema: {
        tags,
        summary: `Set the stock of up to ${BULK_MAX_ITEMS} SKUs`,
        security: sellerSecurity,
        body: Type.Union([Type.Array(StockItem), Type.Object({ stocks: Type.Array(StockItem) })]),
        response: { 200: BulkResponse, ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const items = itemsOf<StockItem>(request.body, 'stocks', StockItem);
      return summarise(await applyStockUpdates(api.db, writeContext(request), items));
    },
  );

  api.put(
    '/prices',
    {
      schema: {
        tags,
        summary: `Set the price (and promotional price) of up to ${BULK_MAX_ITEMS} SKUs`,
        security: sellerSecurity,
        body: Type.Union([Type.Array(PriceItem), Type.Object({ prices: Type.Array(PriceItem) })]),
        response: { 200: BulkResponse, ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const items = itemsOf<PriceItem>(request.body, 'prices', PriceItem);
      for (const [i, item] of items.entries()) {
        if (item.price === undefined && item.promotional_price === undefined) {
          throw invalid(`prices[${i}]: needs price or promotional_price`, {
            code: 'invalid_field',
            params: { field: `prices[${i}]`, rule: 'needs_one_of', allowed: ['price', 'promotional_price'] },
          });
        }
      }
      return summarise(await applyPriceUpdates(api.db, writeContext(request), items));
    },
  );
}
