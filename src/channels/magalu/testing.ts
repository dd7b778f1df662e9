/** Shared setup of the Magalu contract tests: a simulator in-process and a connected seller. */
import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulator } from '../../../simulator/server.ts';
import { assertConformant } from '../../../simulator/test-support.ts';
import type { ChannelAdapter, ChannelContext } from '../adapter.ts';
import type { MemoryCredentials, SimulatorControl } from '../testing.ts';
import { fastRetry, setup, simulatorControl, testContext } from '../testing.ts';
import { magalu } from './adapter.ts';

export interface MgTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export interface MgListingView {
  id: string;
  sku: string;
  status: string;
  stock: number;
  price: number;
  promotional_price: number | null;
  native: { pending_writes: number };
}

export interface WriteEntry {
  operation: string;
  target: string;
  status: number;
  body: unknown;
}

export type MgContext = ChannelContext & { credentials: MemoryCredentials };

export interface MgDefaults {
  client_id: string;
  client_secret: string;
  seller_id: string;
  channel_id: string;
}

export interface MgHarness {
  baseUrl: string;
  control: SimulatorControl;
  defaults: MgDefaults;
  connect(options?: { adapter?: ChannelAdapter; timeoutMs?: number; scopes?: string[] }): Promise<MgContext>;
  /** Creates a SKU with price and list price in cents, as Magalu stores them. */
  listing(body: Record<string, unknown>): Promise<MgListingView>;
  view(sku: string): Promise<MgListingView>;
  /** The view once every accepted (202) write has been applied. */
  settled(sku: string): Promise<MgListingView>;
  writes(operation?: string): Promise<WriteEntry[]>;
  faultCalls(operation: string, count: number): Promise<number>;
  /** Throws unless every request the simulator received fits the marketplace's definition. */
  assertConformant(): Promise<void>;
  close(): Promise<void>;
}

export async function openMagalu(options: { now?: () => number } = {}): Promise<MgHarness> {
  const sim = await startSimulator(options.now === undefined ? {} : { now: options.now });
  const control = simulatorControl(sim.url);
  const baseUrl = sim.baseUrl('magalu');
  const { defaults } = await setup<{ defaults: MgDefaults }>(control('GET', '/magalu'));
  const view = (sku: string) =>
    setup<MgListingView>(control('GET', `/magalu/listings/${encodeURIComponent(sku)}`));
  return {
    baseUrl,
    control,
    defaults,
    async connect({ adapter = magalu, timeoutMs, scopes } = {}) {
      const tokens = await setup<MgTokens>(
        control('POST', '/magalu/tokens', scopes === undefined ? {} : { scopes }),
      );
      const credentials = {
        clientId: defaults.client_id,
        clientSecret: defaults.client_secret,
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt: Date.now() + tokens.expires_in * 1000,
        sellerId: defaults.seller_id,
      };
      return testContext(adapter, baseUrl, credentials, {
        retry: fastRetry,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
    },
    listing: (body) => setup<MgListingView>(control('POST', '/magalu/listings', body)),
    view,
    async settled(sku) {
      for (let tries = 0; ; tries++) {
        const current = await view(sku);
        if (current.native.pending_writes === 0 || tries >= 100) return current;
        await sleep(20);
      }
    },
    async writes(operation) {
      const page = await setup<{ entries: WriteEntry[] }>(control('GET', '/writes?channel=magalu'));
      return page.entries.filter((entry) => operation === undefined || entry.operation === operation);
    },
    async faultCalls(operation, count) {
      const faults = await setup<Record<string, { remaining: number | null }>>(
        control('GET', '/magalu/faults'),
      );
      return count - (faults[operation]?.remaining ?? 0);
    },
    assertConformant: async () => void (await assertConformant(sim.url)),
    close: () => sim.close(),
  };
}
