/**
 * Shared setup of the Shopee contract tests: a simulator in-process, a connected shop, and an
 * adapter that signs with the simulator's clock (so a test may move that clock by hours and
 * Shopee still finds the timestamps current).
 */
import { startSimulator } from '../../../simulator/server.ts';
import { assertConformant } from '../../../simulator/test-support.ts';
import type { ChannelAdapter, ChannelContext, Credentials } from '../adapter.ts';
import type { MemoryCredentials, SimulatorControl } from '../testing.ts';
import { fastRetry, setup, simulatorControl, testContext } from '../testing.ts';
import type { ShopeeOptions } from './adapter.ts';
import { createShopeeAdapter } from './adapter.ts';

export interface SpDefaults {
  partner_id: number;
  partner_key: string;
  shop_id: number;
}

export interface SpListingView {
  id: string;
  sku: string | null;
  status: string;
  stock: number;
  price: number;
  promotional_price: number | null;
  variations: { id: string; sku: string | null; stock: number; price: number }[];
}

export interface WriteEntry {
  operation: string;
  target: string;
  status: number;
  body: unknown;
}

export type SpContext = ChannelContext & { credentials: MemoryCredentials };

export interface SpHarness {
  baseUrl: string;
  control: SimulatorControl;
  defaults: SpDefaults;
  /** The adapter under test, signing with the simulator's clock. */
  adapter: ChannelAdapter;
  withOptions(options: ShopeeOptions): ChannelAdapter;
  credentials(): Credentials;
  connect(options?: { adapter?: ChannelAdapter; timeoutMs?: number }): Promise<SpContext>;
  listing(body: Record<string, unknown>): Promise<SpListingView>;
  view(id: string): Promise<SpListingView>;
  writes(operation?: string): Promise<WriteEntry[]>;
  faultCalls(operation: string, count: number): Promise<number>;
  advance(ms: number): Promise<void>;
  /** Back to the simulator's initial state, its clock back to wall time. */
  reset(): Promise<void>;
  /** Throws unless every request the simulator received fits Shopee's request_params (conformance ledger). */
  assertConformant(): Promise<void>;
  close(): Promise<void>;
}

export async function openShopee(): Promise<SpHarness> {
  const sim = await startSimulator();
  const control = simulatorControl(sim.url);
  const baseUrl = sim.baseUrl('shopee');
  const { defaults } = await setup<{ defaults: SpDefaults }>(control('GET', '/shopee'));
  let offset = 0;
  const withOptions = (options: ShopeeOptions) =>
    createShopeeAdapter({ clock: () => Date.now() + offset, ...options });
  const adapter = withOptions({});
  const credentials = (): Credentials => ({
    clientId: String(defaults.partner_id),
    clientSecret: defaults.partner_key,
    sellerId: String(defaults.shop_id),
  });
  return {
    baseUrl,
    control,
    defaults,
    adapter,
    withOptions,
    credentials,
    async connect({ adapter: used = adapter, timeoutMs } = {}) {
      const tokens = await setup<{ access_token: string; refresh_token: string; expire_in: number }>(
        control('POST', '/shopee/tokens', {}),
      );
      const given = {
        ...credentials(),
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt: Date.now() + tokens.expire_in * 1000,
      };
      return testContext(used, baseUrl, given, {
        retry: fastRetry,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
    },
    listing: (body) => setup<SpListingView>(control('POST', '/shopee/listings', body)),
    view: (id) => setup<SpListingView>(control('GET', `/shopee/listings/${id}`)),
    async writes(operation) {
      const page = await setup<{ entries: WriteEntry[] }>(
        control('GET', '/writes?channel=shopee&limit=100000'),
      );
      return page.entries.filter((entry) => operation === undefined || entry.operation === operation);
    },
    async faultCalls(operation, count) {
      const faults = await setup<Record<string, { remaining: number | null }>>(
        control('GET', '/shopee/faults'),
      );
      return count - (faults[operation]?.remaining ?? 0);
    },
    async advance(ms) {
      await setup(control('POST', '/clock', { advance_ms: ms }));
      offset += ms;
    },
    async reset() {
      await setup(control('POST', '/reset'));
      offset = 0;
    },
    async assertConformant() {
      await assertConformant(sim.url);
    },
    async close() {
      await sim.close();
    },
  };
}
