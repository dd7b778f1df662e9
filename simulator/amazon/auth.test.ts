import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { openSimulator } from '../test-support.ts';
import { AM_DEFAULTS } from './control.ts';

const REDIRECT = 'https://hub.example/callback/amazon';
const CLIENT = { client_id: AM_DEFAULTS.clientId, client_secret: AM_DEFAULTS.clientSecret };
const DENIED = 'Access to requested resource is denied.';

let sim: TestSimulator;
before(async () => {
  sim = await openSimulator();
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
});

const lwa = (form: Record<string, string>) => sim.call('amazon', 'POST', '/auth/o2/token', { form });
const participations = (token: string) =>
  sim.call('amazon', 'GET', '/sellers/v1/marketplaceParticipations', {
    headers: { 'x-amz-access-token': token },
  });

async function consent(state = 'st-1'): Promise<URL> {
  const query = new URLSearchParams({
    application_id: AM_DEFAULTS.applicationId,
    state,
    version: 'beta',
    redirect_uri: REDIRECT,
  });
  const answer = await sim.call('amazon', 'GET', `/apps/authorize/consent?${query}`);
  assert.equal(answer.status, 302);
  return new URL(answer.headers.get('location')!);
}

describe('Amazon LWA', () => {
  test('refresh_token grant: a 1 h access token, the same refresh token back', async () => {
    const answer = await lwa({
      grant_type: 'refresh_token',
      refresh_token: AM_DEFAULTS.refreshToken,
      ...CLIENT,
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.token_type, 'bearer');
    assert.equal(answer.body.expires_in, 3600);
    assert.match(answer.body.access_token, /^Atza\|/);
    assert.equal(answer.body.refresh_token, AM_DEFAULTS.refreshToken, 'LWA does not rotate refresh tokens');
    const again = await lwa({
      grant_type: 'refresh_token',
      refresh_token: AM_DEFAULTS.refreshToken,
      ...CLIENT,
    });
    assert.equal(again.status, 200, 'the refresh token is reusable');
    const read = await participations(answer.body.access_token);
    assert.equal(read.status, 200);
    assert.equal(read.body.payload[0].marketplace.id, 'A2Q3Y263D00KWC');
    assert.equal(read.headers.get('x-amzn-ratelimit-limit'), '0.016');
    assert.ok(read.headers.get('x-amzn-requestid'));
  });

  test('the access token expires after an hour: 403 Unauthorized with the reason', async () => {
    const { access_token } = (
      await lwa({ grant_type: 'refresh_token', refresh_token: AM_DEFAULTS.refreshToken, ...CLIENT })
    ).body;
    await sim.control('POST', '/clock', { advance_ms: 3_600_001 });
    const expired = await participations(access_token);
    assert.equal(expired.status, 403);
    assert.deepEqual(expired.body, {
      errors: [
        { code: 'Unauthorized', message: DENIED, details: 'The access token you provided has expired.' },
      ],
    });
  });

  test('website authorisation: consent redirects with the code, exchanged once for tokens', async () => {
    const location = await consent();
    assert.equal(location.searchParams.get('state'), 'st-1');
    assert.equal(location.searchParams.get('selling_partner_id'), AM_DEFAULTS.sellerId);
    const code = location.searchParams.get('spapi_oauth_code')!;
    const exchange = () => lwa({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...CLIENT });
    const first = await exchange();
    assert.equal(first.status, 200);
    assert.match(first.body.refresh_token, /^Atzr\|/);
    assert.equal((await participations(first.body.access_token)).status, 200);
    const reuse = await exchange();
    assert.equal(reuse.status, 400);
    assert.equal(reuse.body.error, 'invalid_grant');
  });

  test('a consent code lives 5 minutes', async () => {
    const code = (await consent()).searchParams.get('spapi_oauth_code')!;
    await sim.control('POST', '/clock', { advance_ms: 5 * 60_000 + 1 });
    const late = await lwa({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...CLIENT });
    assert.equal(late.status, 400);
    assert.equal(late.body.error, 'invalid_grant');
  });

  test('bad client → 401 invalid_client; unknown refresh token → 400 invalid_grant', async () => {
    const badClient = await lwa({
      grant_type: 'refresh_token',
      refresh_token: AM_DEFAULTS.refreshToken,
      client_id: AM_DEFAULTS.clientId,
      client_secret: 'nope',
    });
    assert.equal(badClient.status, 401);
    assert.deepEqual(Object.keys(badClient.body).sort(), ['error', 'error_description']);
    assert.equal(badClient.body.error, 'invalid_client');
    const badToken = await lwa({ grant_type: 'refresh_token', refresh_token: 'Atzr|nope', ...CLIENT });
    assert.equal(badToken.status, 400);
    assert.equal(badToken.body.error, 'invalid_grant');
  });

  test('no x-amz-access-token, or a revoked one: 403 Unauthorized', async () => {
    const missing = await sim.call('amazon', 'GET', '/sellers/v1/marketplaceParticipations');
    assert.equal(missing.status, 403);
    assert.equal(missing.body.errors[0].details, 'Access token is missing in the request header.');
    const issued = (await sim.control('POST', '/amazon/tokens', {})).body;
    assert.equal((await participations(issued.access_token)).status, 200);
    await sim.control('POST', '/amazon/revocations', { seller_id: AM_DEFAULTS.sellerId });
    const revoked = await participations(issued.access_token);
    assert.equal(revoked.status, 403);
    assert.equal(revoked.body.errors[0].code, 'Unauthorized');
    const refresh = await lwa({
      grant_type: 'refresh_token',
      refresh_token: AM_DEFAULTS.refreshToken,
      ...CLIENT,
    });
    assert.equal(refresh.status, 400, 'deauthorisation kills the refresh token too');
  });
});
