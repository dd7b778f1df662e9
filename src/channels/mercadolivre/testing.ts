/** Shared setup of the Mercado Livre contract tests: a simulator in-process and a connected seller. */
import { startSimulator } from '../../../simulator/server.ts';
import { assertConformant } from '../../../simulator/test-support.ts';
import type { ChannelAdapter, ChannelContext } from '../adapter.ts';
import type { MemoryCredentials, SimulatorControl } from '../testing.ts';
import { fastRetry, setup, simulatorControl, testContext } from '../testing.ts';
import { mercadoLivre } from './adapter.ts';

export interface MlTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  user_id: number;
}

export interface MlListingView {
  id: string;
  sku: string | null;
  status: string;
  stock: number;
  price: number;
  promotional_price: number | null;
  variations: { id: string; sku: string | null; stock: number; price: number }[];
  native: { user_product_id: string | null };
}

export interface WriteEntry {
  operation: string;
  target: string;
  status: number;
  body: unknown;
}

export type MlContext = ChannelContext & { credentials: MemoryCredentials };

export interface MlHarness {
  baseUrl: string;
  control: SimulatorControl;
  clientId: string;
  clientSecret: string;
  /** A seller connected through the control API's token shortcut. */
  connect(options?: { adapter?: ChannelAdapter; timeoutMs?: number }): Promise<MlContext>;
  listing(body: Record<string, unknown>): Promise<MlListingView>;
  view(id: string): Promise<MlListingView>;
  writes(operation?: string): Promise<WriteEntry[]>;
  /** Calls the simulator received for a fault rule set with `count`: count minus what is left. */
  faultCalls(operation: string, count: number): Promise<number>;
  /** Throws unless every request the simulator received fits the marketplace's definition. */
  assertConformant(): Promise<void>;
  close(): Promise<void>;
}

export async function openMl(options: { retryAfter?: boolean } = {}): Promise<MlHarness> {
  const sim = await startSimulator({ retryAfter: options.retryAfter ?? false });
  const control = simulatorControl(sim.url);
  const baseUrl = sim.baseUrl('mercadolivre');
  const described = await setup<{ defaults: { client_id: string; client_secret: string } }>(
    control('GET', '/mercadolivre'),
  );
  const { client_id: clientId, client_secret: clientSecret } = described.defaults;
  return {
    baseUrl,
    control,
    clientId,
    clientSecret,
    async connect({ adapter = mercadoLivre, timeoutMs } = {}) {
      const tokens = await setup<MlTokens>(control('POST', '/mercadolivre/tokens', {}));
      const credentials = {
        clientId,
        clientSecret,
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt: Date.now() + tokens.expires_in * 1000,
        sellerId: String(tokens.user_id),
      };
      return testContext(adapter, baseUrl, credentials, {
        retry: fastRetry,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
    },
    listing: (body) => setup<MlListingView>(control('POST', '/mercadolivre/listings', body)),
    view: (id) => setup<MlListingView>(control('GET', `/mercadolivre/listings/${id}`)),
    async writes(operation) {
      const page = await setup<{ entries: WriteEntry[] }>(control('GET', '/writes?channel=mercadolivre'));
      return page.entries.filter((entry) => operation === undefined || entry.operation === operation);
    },
    async faultCalls(operation, count) {
      const faults = await setup<Record<string, { remaining: number | null }>>(
        control('GET', '/mercadolivre/faults'),
      );
      return count - (faults[operation]?.remaining ?? 0);
    },
    assertConformant: async () => void (await assertConformant(sim.url)),
    close: () => sim.close(),
  };
}
