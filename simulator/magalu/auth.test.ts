import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { openSimulator } from '../test-support.ts';
import { MG_DEFAULTS } from './control.ts';

const REDIRECT = 'https://hub.example/callback/magalu';
const CLIENT = { client_id: MG_DEFAULTS.clientId, client_secret: MG_DEFAULTS.clientSecret };
/** The default app's registered scopes: a consent must ask for exactly these (G4). */
const APP_SCOPES = [
  'open:portfolio-skus-seller:read',
  'open:portfolio-skus-seller:write',
  'open:portfolio-prices-seller:read',
  'open:portfolio-prices-seller:write',
  'open:portfolio-stocks-seller:read',
  'open:portfolio-stocks-seller:write',
  'open:order-order-seller:read',
  'open:order-delivery-seller:read',
  'open:order-delivery-seller:write',
];

let sim: TestSimulator;
before(async () => {
  sim = await openSimulator();
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
});

function consentQuery(scope: string) {
  return new URLSearchParams({
    client_id: MG_DEFAULTS.clientId,
    redirect_uri: REDIRECT,
    scope,
    response_type: 'code',
    choose_tenants: 'true',
    state: 's1',
  });
}

async function login(scope = APP_SCOPES.join(' ')): Promise<string> {
  const answer = await sim.call('magalu', 'GET', `/login?${consentQuery(scope)}`);
  assert.equal(answer.status, 302);
  const location = new URL(answer.headers.get('location')!);
  assert.equal(location.searchParams.get('state'), 's1');
  return location.searchParams.get('code')!;
}

describe('Magalu OAuth (ID Magalu)', () => {
  test('G4: the scopes asked at consent must equal the app’s, in any order', async () => {
    const reordered = [...APP_SCOPES].reverse().join(' ');
    assert.ok(await login(reordered));
    const more = await sim.call(
      'magalu',
      'GET',
      `/login?${consentQuery(`${APP_SCOPES.join(' ')} open:order-invoice-seller:read`)}`,
      { expectInvalid: 'G4 scope mismatch' },
    );
    assert.equal(more.status, 400);
    assert.match(more.body.message, /not registered for the app: open:order-invoice-seller:read/);
    const fewer = await sim.call(
      'magalu',
      'GET',
      `/login?${consentQuery('open:portfolio-stocks-seller:read')}`,
      { expectInvalid: 'G4 scope mismatch' },
    );
    assert.equal(fewer.status, 400);
    assert.match(fewer.body.message, /registered but not asked: open:portfolio-skus-seller:read/);
  });

  test('code exchange in JSON gives a JWT-shaped token of ~7200 s bound to the tenant', async () => {
    const code = await login();
    const answer = await sim.call('magalu', 'POST', '/oauth/token', {
      json: { grant_type: 'authorization_code', ...CLIENT, code, redirect_uri: REDIRECT },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.expires_in, 7200);
    assert.equal(answer.body.token_type, 'Bearer');
    assert.equal(typeof answer.body.created_at, 'number');
    const [, payload] = answer.body.access_token.split('.');
    assert.equal(JSON.parse(Buffer.from(payload, 'base64url').toString()).tenant, MG_DEFAULTS.sellerId);
  });

  test('refresh (form) rotates; the spent refresh token is invalid_grant', async () => {
    const code = await login();
    const first = await sim.call('magalu', 'POST', '/oauth/token', {
      json: { grant_type: 'authorization_code', ...CLIENT, code, redirect_uri: REDIRECT },
    });
    const refresh = (token: string) =>
      sim.call('magalu', 'POST', '/oauth/token', {
        form: { grant_type: 'refresh_token', ...CLIENT, refresh_token: token },
      });
    const second = await refresh(first.body.refresh_token);
    assert.equal(second.status, 200);
    assert.notEqual(second.body.refresh_token, first.body.refresh_token);
    const reuse = await refresh(first.body.refresh_token);
    assert.equal(reuse.status, 400);
    assert.equal(reuse.body.error, 'invalid_grant');
    assert.equal(typeof reuse.body.error_description, 'string');
  });

  test('a bad client is 401 invalid_client', async () => {
    const answer = await sim.call('magalu', 'POST', '/oauth/token', {
      form: {
        grant_type: 'refresh_token',
        client_id: MG_DEFAULTS.clientId,
        client_secret: 'x',
        refresh_token: 'y',
      },
    });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error, 'invalid_client');
  });

  test('a bad bearer is 401 with the error body and x-authorization-error', async () => {
    const answer = await sim.call('magalu', 'GET', '/seller/v1/portfolios/skus', { token: 'nope' });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, { slug: 'UNAUTHORIZED', message: 'Unauthorized', details: [] });
    assert.equal(answer.headers.get('x-authorization-error'), 'Invalid token.');
    assert.ok(answer.headers.get('x-request-id'));
  });

  test('a token without the operation scope is 403 FORBIDDEN', async () => {
    await sim.control('POST', '/magalu/apps', {
      client_id: 'narrow',
      client_secret: 's',
      default_scopes: [],
    });
    const issued = await sim.control('POST', '/magalu/tokens', {
      client_id: 'narrow',
      scopes: ['open:portfolio-stocks-seller:read'],
    });
    const answer = await sim.call('magalu', 'GET', '/seller/v1/portfolios/skus', {
      token: issued.body.access_token,
    });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.slug, 'FORBIDDEN');
  });

  test('an access token expires after 7200 s; revocation cuts it at once', async () => {
    const issued = (await sim.control('POST', '/magalu/tokens', {})).body;
    const read = () =>
      sim.call('magalu', 'GET', '/seller/v1/portfolios/skus', { token: issued.access_token });
    assert.equal((await read()).status, 200);
    await sim.control('POST', '/magalu/revocations', { access_token: issued.access_token });
    assert.equal((await read()).status, 401);
    const other = (await sim.control('POST', '/magalu/tokens', {})).body;
    await sim.control('POST', '/clock', { advance_ms: 7_200_001 });
    const expired = await sim.call('magalu', 'GET', '/seller/v1/portfolios/skus', {
      token: other.access_token,
    });
    assert.equal(expired.status, 401);
    assert.equal(expired.headers.get('x-authorization-error'), 'Token expired.');
  });
});
