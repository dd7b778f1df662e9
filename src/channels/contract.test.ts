/**
 * The adapter contract and fault cases (contract-suite.ts), run over the four marketplaces'
 * harnesses. Each marketplace's own behaviour is in its folder's tests.
 */
import { describe } from 'node:test';
import { openAmazon, quickAmazon } from './amazon/testing.ts';
import type { ContractHarness } from './contract-suite.ts';
import { contractSuite } from './contract-suite.ts';
import { magalu } from './magalu/adapter.ts';
import { openMagalu } from './magalu/testing.ts';
import { mercadoLivre } from './mercadolivre/adapter.ts';
import { openMl } from './mercadolivre/testing.ts';
import { openShopee } from './shopee/testing.ts';
import { setup } from './testing.ts';

type Control = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

function faultsOf(control: Control, channel: string) {
  return async (operation: string, rule: Record<string, number>) => {
    await setup(control('PUT', `/${channel}/faults/${operation}`, rule));
  };
}

function retryAfterOf(control: Control) {
  return async (on: boolean) => {
    await setup(control('PATCH', '/settings', { retry_after: on }));
  };
}

async function mercadoLivreHarness(): Promise<ContractHarness> {
  const ml = await openMl();
  const described = await setup<{ defaults: { user_id: number } }>(ml.control('GET', '/mercadolivre'));
  return {
    name: 'Mercado Livre',
    adapter: mercadoLivre,
    sellerId: String(described.defaults.user_id),
    ops: { stock: 'items.update', read: 'items.get' },
    expect: {
      applied: 'applied',
      status: 'active',
      serverError: { status: 503, code: 'ml.internal_error', message: 'Service Unavailable' },
      rateLimited: { status: 429, code: 'ml.too_many_requests', message: 'Too Many Requests' },
    },
    reset: async () => void (await setup(ml.control('POST', '/reset'))),
    connect: (options) => ml.connect(options),
    async listing(sku, qty, price) {
      const item = await ml.listing({ sku, price, available_quantity: qty });
      return { externalId: item.id, sku };
    },
    async shown(ref) {
      const view = await ml.view(ref.externalId);
      return { stock: view.stock, price: view.price };
    },
    fault: faultsOf(ml.control, 'mercadolivre'),
    faultCalls: (operation, count) => ml.faultCalls(operation, count),
    retryAfter: retryAfterOf(ml.control),
    assertConformant: () => ml.assertConformant(),
    close: () => ml.close(),
  };
}

async function magaluHarness(): Promise<ContractHarness> {
  const mg = await openMagalu();
  return {
    name: 'Magalu',
    adapter: magalu,
    sellerId: mg.defaults.seller_id,
    ops: { stock: 'stocks.update', read: 'skus.get' },
    expect: {
      applied: 'pending',
      status: 'PUBLISHED',
      serverError: { status: 503, code: 'magalu.service_unavailable', message: 'Internal server error' },
      rateLimited: { status: 429, code: 'magalu.too_many_requests', message: 'Too many requests' },
    },
    async reset() {
      await setup(mg.control('POST', '/reset'));
      await setup(mg.control('PATCH', '/magalu/settings', { apply_delay_ms: 0 }));
    },
    connect: (options) => mg.connect(options),
    async listing(sku, qty, price) {
      await mg.listing({ sku, price: Math.round(price * 100), stock: qty });
      return { externalId: sku, sku };
    },
    async shown(ref) {
      const view = await mg.settled(ref.externalId);
      return { stock: view.stock, price: view.price };
    },
    fault: faultsOf(mg.control, 'magalu'),
    faultCalls: (operation, count) => mg.faultCalls(operation, count),
    retryAfter: retryAfterOf(mg.control),
    assertConformant: () => mg.assertConformant(),
    close: () => mg.close(),
  };
}

async function amazonHarness(): Promise<ContractHarness> {
  const am = await openAmazon();
  return {
    name: 'Amazon',
    adapter: quickAmazon,
    sellerId: am.defaults.seller_id,
    ops: { stock: 'listings.patch', read: 'listings.get' },
    expect: {
      applied: 'pending',
      status: 'active',
      serverError: {
        status: 503,
        code: 'amazon.service_unavailable',
        message: 'Service temporarily unavailable.',
      },
      rateLimited: {
        status: 429,
        code: 'amazon.quota_exceeded',
        message: 'You exceeded your quota for the requested resource.',
      },
    },
    async reset() {
      await setup(am.control('POST', '/reset'));
      await am.instant();
    },
    connect: (options) => am.connect(options),
    async listing(sku, qty, price) {
      await am.listing({ sku, price, quantity: qty });
      return { externalId: sku, sku };
    },
    async shown(ref) {
      const view = await am.view(ref.externalId);
      return { stock: view.stock, price: view.price };
    },
    fault: faultsOf(am.control, 'amazon'),
    faultCalls: (operation, count) => am.faultCalls(operation, count),
    retryAfter: retryAfterOf(am.control),
    assertConformant: () => am.assertConformant(),
    close: () => am.close(),
  };
}

async function shopeeHarness(): Promise<ContractHarness> {
  const sp = await openShopee();
  return {
    name: 'Shopee',
    adapter: sp.adapter,
    sellerId: String(sp.defaults.shop_id),
    ops: { stock: 'product.update_stock', read: 'product.get_item_base_info' },
    expect: {
      applied: 'applied',
      status: 'active',
      serverError: {
        status: 502,
        code: 'shopee.error_server',
        message: 'Something wrong. Please try later.',
      },
      // Shopee answers a rate limit inside an HTTP 200 envelope.
      rateLimited: {
        status: 200,
        code: 'shopee.error_rate_limit',
        message: 'Too many requests, please try again later.',
      },
    },
    reset: () => sp.reset(),
    connect: (options) => sp.connect(options),
    async listing(sku, qty, price) {
      const item = await sp.listing({ sku, price, stock: qty });
      return { externalId: item.id, sku };
    },
    async shown(ref) {
      const view = await sp.view(ref.externalId);
      return { stock: view.stock, price: view.price };
    },
    fault: faultsOf(sp.control, 'shopee'),
    faultCalls: (operation, count) => sp.faultCalls(operation, count),
    retryAfter: retryAfterOf(sp.control),
    assertConformant: () => sp.assertConformant(),
    close: () => sp.close(),
  };
}

for (const [name, open] of [
  ['Mercado Livre', mercadoLivreHarness],
  ['Magalu', magaluHarness],
  ['Amazon', amazonHarness],
  ['Shopee', shopeeHarness],
] as const) {
  describe(name, () => contractSuite(open));
}
