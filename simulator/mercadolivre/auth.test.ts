import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { defaultToken, openSimulator } from '../test-support.ts';
import { ML_DEFAULTS } from './control.ts';

const CLIENT = { client_id: ML_DEFAULTS.clientId, client_secret: ML_DEFAULTS.clientSecret };
const REDIRECT = 'https://hub.example/callback/mercadolivre';
// M6: the token endpoint says `error_description` where the rest of ML's API says `message`.
const INVALID_GRANT = {
  error_description:
    'Error validating grant. Your authorization code or refresh token may be expired or it was already used',
  error: 'invalid_grant',
  status: 400,
  cause: [],
};

let sim: TestSimulator;
before(async () => {
  sim = await openSimulator();
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
});

async function consent(query: Record<string, string>, expectInvalid?: string) {
  const params = new URLSearchParams({ response_type: 'code', client_id: ML_DEFAULTS.clientId, ...query });
  return sim.call('mercadolivre', 'GET', `/authorization?${params}`, { expectInvalid });
}

async function codeFor(query: Record<string, string> = {}): Promise<string> {
  const answer = await consent({ redirect_uri: REDIRECT, ...query });
  assert.equal(answer.status, 302);
  return new URL(answer.headers.get('location')!).searchParams.get('code')!;
}

function exchange(code: string, extra: Record<string, string> = {}) {
  return sim.call('mercadolivre', 'POST', '/oauth/token', {
    form: { grant_type: 'authorization_code', ...CLIENT, code, redirect_uri: REDIRECT, ...extra },
  });
}

function refresh(token: string) {
  return sim.call('mercadolivre', 'POST', '/oauth/token', {
    form: { grant_type: 'refresh_token', ...CLIENT, refresh_token: token },
  });
}

describe('Mercado Livre OAuth', () => {
  test('consent approves at once and redirects with code and state', async () => {
    const answer = await consent({ redirect_uri: REDIRECT, state: 'xyz' });
    assert.equal(answer.status, 302);
    const location = new URL(answer.headers.get('location')!);
    assert.equal(`${location.origin}${location.pathname}`, REDIRECT);
    assert.match(location.searchParams.get('code')!, /^TG-/);
    assert.equal(location.searchParams.get('state'), 'xyz');
  });

  test('a registered redirect_uri must match exactly', async () => {
    await sim.control('POST', '/mercadolivre/apps', {
      client_id: ML_DEFAULTS.clientId,
      redirect_uris: [REDIRECT],
    });
    const answer = await consent({ redirect_uri: `${REDIRECT}/other` }, 'redirect_uri mismatch');
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'invalid_request');
  });

  test('the code exchange answers ML token JSON: 6 h, bearer, user id, TG- refresh', async () => {
    const answer = await exchange(await codeFor());
    assert.equal(answer.status, 200);
    assert.equal(answer.body.token_type, 'bearer');
    assert.equal(answer.body.expires_in, 21600);
    assert.equal(answer.body.user_id, ML_DEFAULTS.userId);
    assert.match(answer.body.access_token, /^APP_USR-/);
    assert.match(answer.body.refresh_token, /^TG-/);
    const me = await sim.call('mercadolivre', 'GET', '/users/me', { token: answer.body.access_token });
    assert.equal(me.body.id, ML_DEFAULTS.userId);
  });

  test('a code is single use', async () => {
    const code = await codeFor();
    assert.equal((await exchange(code)).status, 200);
    const again = await exchange(code);
    assert.equal(again.status, 400);
    assert.deepEqual(again.body, INVALID_GRANT);
  });

  test('refresh rotates the refresh token and refuses the old one with invalid_grant', async () => {
    const first = (await exchange(await codeFor())).body;
    const second = await refresh(first.refresh_token);
    assert.equal(second.status, 200);
    assert.notEqual(second.body.refresh_token, first.refresh_token);
    const reuse = await refresh(first.refresh_token);
    assert.equal(reuse.status, 400);
    assert.deepEqual(reuse.body, INVALID_GRANT);
    assert.equal((await refresh(second.body.refresh_token)).status, 200, 'the new one works once');
  });

  test('a wrong client secret is invalid_client', async () => {
    const answer = await sim.call('mercadolivre', 'POST', '/oauth/token', {
      form: {
        grant_type: 'refresh_token',
        client_id: ML_DEFAULTS.clientId,
        client_secret: 'nope',
        refresh_token: 'x',
      },
    });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, {
      error: 'invalid_client',
      error_description: 'invalid client_id or client_secret.',
      status: 400,
      cause: [],
    });
  });

  test('PKCE: the verifier must match the S256 challenge', async () => {
    const verifier = 'a'.repeat(50);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const code = await codeFor({ code_challenge: challenge, code_challenge_method: 'S256' });
    assert.equal((await exchange(code, { code_verifier: 'b'.repeat(50) })).status, 400);
    const other = await codeFor({ code_challenge: challenge, code_challenge_method: 'S256' });
    assert.equal((await exchange(other, { code_verifier: verifier })).status, 200);
  });

  test('a bad bearer token gets 401 with ML body', async () => {
    const answer = await sim.call('mercadolivre', 'GET', '/users/me', { token: 'APP_USR-nope' });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, { message: 'invalid_token', error: 'not_found', status: 401, cause: [] });
    const missing = await sim.call('mercadolivre', 'GET', '/users/me');
    assert.equal(missing.status, 401);
  });

  test('an access token expires after 6 hours', async () => {
    const token = await defaultToken(sim, 'mercadolivre');
    await sim.control('POST', '/clock', { advance_ms: 6 * 3_600_000 - 1000 });
    assert.equal((await sim.call('mercadolivre', 'GET', '/users/me', { token })).status, 200);
    await sim.control('POST', '/clock', { advance_ms: 2000 });
    assert.equal((await sim.call('mercadolivre', 'GET', '/users/me', { token })).status, 401);
  });

  test('revocation: the next call gets 401 and the refresh invalid_grant', async () => {
    const issued = (await sim.control('POST', '/mercadolivre/tokens', {})).body;
    const revoked = await sim.control('POST', '/mercadolivre/revocations', { user_id: ML_DEFAULTS.userId });
    assert.equal(revoked.body.revoked, 1);
    assert.equal(
      (await sim.call('mercadolivre', 'GET', '/users/me', { token: issued.access_token })).status,
      401,
    );
    assert.deepEqual((await refresh(issued.refresh_token)).body, INVALID_GRANT);
    const fresh = await defaultToken(sim, 'mercadolivre');
    assert.equal(
      (await sim.call('mercadolivre', 'GET', '/users/me', { token: fresh })).status,
      200,
      'reconnecting works',
    );
  });
});
