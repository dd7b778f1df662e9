/**
 * The shared OAuth token client (oauth.ts) against each marketplace that uses it: a timed-out
 * exchange is never repeated (a single-use refresh token may already be spent), an answered
 * failure worth retrying is retried, and a refused grant is the connection's auth failure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Credentials } from './adapter.ts';
import { LWA_TOKEN } from './amazon/auth.ts';
import { openAmazon } from './amazon/testing.ts';
import { MG_TOKEN } from './magalu/auth.ts';
import { openMagalu } from './magalu/testing.ts';
import { ML_TOKEN } from './mercadolivre/auth.ts';
import { openMl } from './mercadolivre/testing.ts';
import type { TokenEndpoint } from './oauth.ts';
import { refreshTokens } from './oauth.ts';
import { fastRetry, type SimulatorControl } from './testing.ts';

interface Harness {
  baseUrl: string;
  control: SimulatorControl;
  connect(): Promise<{ credentials: { stored: Credentials } }>;
  faultCalls(operation: string, count: number): Promise<number>;
  close(): Promise<void>;
}

const MARKETPLACES: {
  name: string;
  endpoint: TokenEndpoint;
  open: () => Promise<Harness>;
  operation: string;
}[] = [
  { name: 'Mercado Livre', endpoint: ML_TOKEN, open: openMl, operation: 'mercadolivre/faults/oauth.token' },
  { name: 'Magalu', endpoint: MG_TOKEN, open: openMagalu, operation: 'magalu/faults/oauth.token' },
  { name: 'Amazon (LWA)', endpoint: LWA_TOKEN, open: openAmazon, operation: 'amazon/faults/lwa.token' },
];

const MANY = 5;

for (const marketplace of MARKETPLACES) {
  describe(`OAuth token client: ${marketplace.name}`, () => {
    let harness: Harness;
    before(async () => {
      harness = await marketplace.open();
    });
    after(() => harness.close());

    const fault = async (rule: Record<string, number>) => {
      await harness.control('POST', '/reset');
      const answer = await harness.control('PUT', `/${marketplace.operation}`, rule);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
    };
    const calls = () => harness.faultCalls(marketplace.operation.split('/').at(-1)!, MANY);

    test('a refresh that times out is not repeated: the refresh token may already be spent', async () => {
      const { stored } = (await harness.connect()).credentials;
      await fault({ timeout_rate: 1, count: MANY });
      await assert.rejects(refreshTokens(marketplace.endpoint, harness.baseUrl, stored, fastRetry, 150), {
        failure: 'transient',
        code: 'timeout',
      });
      assert.equal(await calls(), 1, 'one attempt only');
    });

    test('a 503 the token endpoint answered is retried within the policy', async () => {
      await harness.control('POST', '/reset');
      const { stored } = (await harness.connect()).credentials;
      await harness.control('PUT', `/${marketplace.operation}`, {
        error_rate: 1,
        error_status: 503,
        count: 1,
      });
      const renewed = await refreshTokens(marketplace.endpoint, harness.baseUrl, stored, fastRetry);
      assert.ok(renewed.accessToken && renewed.accessToken !== stored.accessToken);
      assert.equal(renewed.clientId, stored.clientId);
      assert.ok(renewed.refreshToken);
    });

    test('a refused refresh token is the connection’s auth failure, not retried', async () => {
      await harness.control('POST', '/reset');
      const { stored } = (await harness.connect()).credentials;
      const bogus = { ...stored, refreshToken: 'not-a-refresh-token' };
      await assert.rejects(refreshTokens(marketplace.endpoint, harness.baseUrl, bogus, fastRetry), {
        failure: 'auth',
      });
      await assert.rejects(
        refreshTokens(
          marketplace.endpoint,
          harness.baseUrl,
          { ...stored, refreshToken: undefined },
          fastRetry,
        ),
        { failure: 'auth', code: `${marketplace.endpoint.code}.invalid_grant` },
      );
    });
  });
}
