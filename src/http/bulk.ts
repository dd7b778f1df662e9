/**
 * Beyond SkyHub: bulk stock and price writes, up to 1,000 items a request, each item with its own
 * result. A malformed item fails the whole request (400, nothing changed); an unknown SKU or a
 * stale stamp only affects its own item.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { BULK_MAX_ITEMS, PriceItem, StockItem } from '../catalog/schemas.ts';
import { applyPriceUpdates, applyStockUpdates, type WriteResult } from '../catalog/stock-price.ts';
import { invalid } from '../errors.ts';
import { messageFor } from '../i18n/errors.ts';
import { type Language, preferredLanguage } from '../i18n/language.ts';
import { BulkResult } from './contract/catalog.ts';
import { withExample } from './contract/common.ts';
import { errorResponses, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { writeContext } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const StockList = Type.Array(StockItem, { minItems: 1, maxItems: BULK_MAX_ITEMS });
const PriceList = Type.Array(PriceItem, { minItems: 1, maxItems: BULK_MAX_ITEMS });

const bulkExample = withExample(BulkResult, {
  results: [
    { sku: 'CAM-01', status: 'updated', version: 4 },
    { sku: 'CAM-02', status: 'not_found' },
  ],
  summary: { updated: 1, unchanged: 0, stale: 0, not_found: 1, rejected: 0 },
});

/** The items of a bulk body: a plain array, or wrapped in `key`; validated by the route. */
function listOf(body: unknown, key: string): unknown[] {
  // unwrap refuses fields beside the wrapper: {"stocks": [...], "prices": [...]} is not half-applied.
  const list = Array.isArray(body) || body === null || typeof body !== 'object' ? body : unwrap(body, key);
  if (!Array.isArray(list)) {
    throw invalid(`body: must be an array of items, or {"${key}": [...]}`, {
      code: 'invalid_field',
      params: { field: 'body', rule: 'type', type: `[...] / {"${key}": [...]}` },
    });
  }
  return list;
}

function refuseRepeats(items: readonly { sku: string }[], key: string): void {
  const seen = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const first = seen.get(item.sku);
    if (first !== undefined)
      throw invalid(`${key}[${i}].sku: ${item.sku} repeats ${key}[${first}]; send each SKU once`, {
        code: 'invalid_field',
        params: { field: `${key}[${i}].sku`, rule: 'repeats', value: item.sku, first: `${key}[${first}]` },
      });
    seen.set(item.sku, i);
  }
}

/**
 * The per-item results and their counts; each item's error in the caller's language (the
 * catalogue's sentence for its code), as refusals are, and Content-Language says which.
 */
function summarise(
  results: WriteResult[],
  request: FastifyRequest,
  reply: FastifyReply,
): Static<typeof BulkResult> {
  const lang = preferredLanguage(request.headers['accept-language']);
  const summary: Record<string, number> = { updated: 0, unchanged: 0, stale: 0, not_found: 0, rejected: 0 };
  let said: Language | undefined;
  const items = results.map(({ code, params, ...result }) => {
    summary[result.status] = (summary[result.status] ?? 0) + 1;
    if (result.error === undefined || code === undefined) return result;
    const text = messageFor({ message: result.error, code, params }, lang);
    said = text.lang;
    return { ...result, error: text.text };
  });
  if (said) reply.header('content-language', said);
  return { results: items, summary };
}

export function bulkRoutes(api: SellerApi): void {
  const tags = ['Bulk stock and price'];
  api.put(
    '/stocks',
    {
      schema: {
        operationId: 'updateStocks',
        tags,
        summary: `Set the stock of up to ${BULK_MAX_ITEMS} SKUs`,
        security: sellerSecurity,
        body: withExample(Type.Union([StockList, Type.Object({ stocks: StockList })]), {
          stocks: [
            { sku: 'CAM-01', qty: 7 },
            { sku: 'CAM-02', qty: 0, updated_at: '2026-03-02T14:05:00Z' },
          ],
        }),
        response: { 200: bulkExample, ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const items = validate(StockList, listOf(request.body, 'stocks'), 'stocks');
      refuseRepeats(items, 'stocks');
      return summarise(await applyStockUpdates(api.db, writeContext(request), items), request, reply);
    },
  );

  api.put(
    '/prices',
    {
      schema: {
        operationId: 'updatePrices',
        tags,
        summary: `Set the price (and promotional price) of up to ${BULK_MAX_ITEMS} SKUs`,
        security: sellerSecurity,
        body: withExample(Type.Union([PriceList, Type.Object({ prices: PriceList })]), {
          prices: [
            { sku: 'CAM-01', price: 49.9, promotional_price: 39.9 },
            { sku: 'CAM-02', price: 59.9, promotional_price: null },
          ],
        }),
        response: { 200: bulkExample, ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const items = validate(PriceList, listOf(request.body, 'prices'), 'prices');
      refuseRepeats(items, 'prices');
      for (const [i, item] of items.entries()) {
        if (item.price === undefined && item.promotional_price === undefined) {
          throw invalid(`prices[${i}]: needs price or promotional_price`, {
            code: 'invalid_field',
            params: { field: `prices[${i}]`, rule: 'needs_one_of', allowed: ['price', 'promotional_price'] },
          });
        }
      }
      return summarise(await applyPriceUpdates(api.db, writeContext(request), items), request, reply);
    },
  );
}
