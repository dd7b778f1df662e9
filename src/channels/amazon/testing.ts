/** Shared setup of the Amazon contract tests: a simulator in-process and a connected seller. */
import { startSimulator } from '../../../simulator/server.ts';
import { assertConformant } from '../../../simulator/test-support.ts';
import type { ChannelAdapter, ChannelContext, Credentials } from '../adapter.ts';
import type { MemoryCredentials, SimulatorControl } from '../testing.ts';
import { fastRetry, setup, simulatorControl, testContext } from '../testing.ts';
import type { AmazonOptions } from './adapter.ts';
import { amazon, createAmazonAdapter } from './adapter.ts';

export interface AmDefaults {
  client_id: string;
  client_secret: string;
  application_id: string;
  seller_id: string;
  marketplace_id: string;
  refresh_token: string;
}

export interface AmListingView {
  id: string;
  sku: string;
  status: string;
  stock: number;
  price: number;
  promotional_price: number | null;
  native: { pending_writes: number; issues: { code: string; message: string }[] };
}

export interface WriteEntry {
  operation: string;
  target: string;
  status: number;
  body: unknown;
}

export type AmContext = ChannelContext & { credentials: MemoryCredentials };

export interface AmHarness {
  baseUrl: string;
  control: SimulatorControl;
  defaults: AmDefaults;
  /** The seller, connected with an access token from the control API (or only the refresh token). */
  connect(options?: {
    adapter?: ChannelAdapter;
    timeoutMs?: number;
    refreshOnly?: boolean;
  }): Promise<AmContext>;
  credentials(): Credentials;
  listing(body: Record<string, unknown>): Promise<AmListingView>;
  view(sku: string): Promise<AmListingView>;
  writes(operation?: string): Promise<WriteEntry[]>;
  faultCalls(operation: string, count: number): Promise<number>;
  advance(ms: number): Promise<void>;
  /** Accepted PATCHes and feeds apply at once, unless a test is about the delay. */
  instant(): Promise<void>;
  /** Throws unless every request the simulator received fits Amazon's models (the conformance ledger). */
  assertConformant(): Promise<void>;
  close(): Promise<void>;
}

/** An adapter that polls its feeds every few milliseconds (the simulator's feeds take none). */
export const quickFeeds = (options: AmazonOptions = {}) =>
  createAmazonAdapter({ feedWait: { firstPollMs: 5, maxPollMs: 20, deadlineMs: 3_000 }, ...options });

export const quickAmazon = quickFeeds();

export async function openAmazon(): Promise<AmHarness> {
  const sim = await startSimulator();
  const control = simulatorControl(sim.url);
  const baseUrl = sim.baseUrl('amazon');
  const { defaults } = await setup<{ defaults: AmDefaults }>(control('GET', '/amazon'));
  const view = (sku: string) =>
    setup<AmListingView>(control('GET', `/amazon/listings/${encodeURIComponent(sku)}`));
  const credentials = (): Credentials => ({
    clientId: defaults.client_id,
    clientSecret: defaults.client_secret,
    refreshToken: defaults.refresh_token,
    sellerId: defaults.seller_id,
  });
  return {
    baseUrl,
    control,
    defaults,
    credentials,
    async connect({ adapter = quickAmazon, timeoutMs, refreshOnly = false } = {}) {
      let given = credentials();
      if (!refreshOnly) {
        const tokens = await setup<{ access_token: string; refresh_token: string; expires_in: number }>(
          control('POST', '/amazon/tokens', {}),
        );
        given = {
          ...given,
          accessToken: tokens.access_token,
          refreshToken: tokens.refresh_token,
          expiresAt: Date.now() + tokens.expires_in * 1000,
        };
      }
      return testContext(adapter, baseUrl, given, {
        retry: fastRetry,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
    },
    listing: (body) => setup<AmListingView>(control('POST', '/amazon/listings', body)),
    view,
    async writes(operation) {
      const page = await setup<{ entries: WriteEntry[] }>(
        control('GET', '/writes?channel=amazon&limit=100000'),
      );
      return page.entries.filter((entry) => operation === undefined || entry.operation === operation);
    },
    async faultCalls(operation, count) {
      const faults = await setup<Record<string, { remaining: number | null }>>(
        control('GET', '/amazon/faults'),
      );
      return count - (faults[operation]?.remaining ?? 0);
    },
    async advance(ms) {
      await setup(control('POST', '/clock', { advance_ms: ms }));
    },
    async instant() {
      await setup(
        control('PATCH', '/amazon/settings', { apply_delay_ms: 0, feed_queue_ms: 0, feed_processing_ms: 0 }),
      );
    },
    async assertConformant() {
      await assertConformant(sim.url);
    },
    close: () => sim.close(),
  };
}

export { amazon };
