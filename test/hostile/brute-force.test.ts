/**
 * Guessing API keys: failed X-Api-Key attempts are limited per client address and per email, with
 * a 429 and Retry-After, in every API process alike; the seller's valid key keeps working while
 * someone guesses at its email from elsewhere, and a valid request costs nothing extra.
 * (Console logins have their own limit: test/console/session.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createSeller, createTestDb, type Seller, type TestDb, testConfig } from '../helpers.ts';

const limits = { perAddress: 8, perEmail: 4, windowMs: 60_000 };
let t: TestDb;
let app: FastifyInstance;
let seller: Seller;
let other: Seller;

async function appOn(db: TestDb['db']): Promise<FastifyInstance> {
  const built = await buildApp({ config: testConfig(), db, logger: false, keyAttemptLimits: limits });
  await built.ready();
  return built;
}

before(async () => {
  t = await createTestDb();
  app = await appOn(t.db);
  seller = await createSeller(t.db);
  other = await createSeller(t.db);
});
after(async () => {
  await app.close();
  await t.close();
});

function attempt(
  from: string,
  email: string,
  key: string,
  on: FastifyInstance = app,
): Promise<LightMyRequestResponse> {
  return on.inject({
    method: 'GET',
    url: '/channels',
    remoteAddress: from,
    headers: {
      'x-user-email': email,
      'x-api-key': key,
      'x-accountmanager-key': 'erp',
      accept: 'application/json',
    },
  });
}

function assertLimited(res: LightMyRequestResponse): void {
  assert.equal(res.statusCode, 429, res.body);
  assert.equal(res.json().code, 'auth_rate_limited');
  assert.match(res.json().error, /^too many failed API key attempts; retry in \d+ seconds$/);
  const retryAfter = Number(res.headers['retry-after']);
  assert.ok(retryAfter >= 1 && retryAfter <= limits.windowMs / 1000, `Retry-After ${retryAfter}`);
}

const failures = async () =>
  (
    await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM login_failures WHERE key LIKE 'apikey-%'")
  )[0]!.n;

describe('guessing keys for one email', () => {
  test('the first failures are 401s; past the per-email limit, 429 with Retry-After', async () => {
    for (let i = 0; i < limits.perEmail; i++)
      assert.equal((await attempt('203.0.113.1', seller.email, `cais_guess_${i}`)).statusCode, 401);
    assertLimited(await attempt('203.0.113.1', seller.email, 'cais_guess_more'));
    // From then on the guesser is refused before any lookup, even with the right key.
    assertLimited(await attempt('203.0.113.1', seller.email, seller.apiKey));
  });

  test('other guessers for the same email are refused once they have failed themselves', async () => {
    assert.equal((await attempt('203.0.113.2', seller.email, 'cais_x')).statusCode, 429);
    assertLimited(await attempt('203.0.113.2', seller.email, 'cais_y'));
  });

  test('the seller’s own ERP, at an address that never failed, is not slowed at all', async () => {
    const before = await failures();
    for (let i = 0; i < 20; i++)
      assert.equal((await attempt('198.51.100.10', seller.email, seller.apiKey)).statusCode, 200);
    assert.equal(await failures(), before, 'a valid key writes nothing');
  });

  test('the answer is the same for an email that has no account', async () => {
    for (let i = 0; i < limits.perEmail; i++)
      assert.equal((await attempt('203.0.113.3', 'nobody@example.com', `cais_${i}`)).statusCode, 401);
    assertLimited(await attempt('203.0.113.3', 'nobody@example.com', 'cais_z'));
  });
});

describe('guessing from one address', () => {
  test('past the per-address limit, every email is refused from there', async () => {
    const from = '203.0.113.20';
    const emails = Array.from({ length: limits.perAddress }, (_, i) => `victim${i}@example.com`);
    for (const email of emails) assert.equal((await attempt(from, email, 'cais_wrong')).statusCode, 401);
    assertLimited(await attempt(from, 'one-more@example.com', 'cais_wrong'));
    assertLimited(await attempt(from, other.email, other.apiKey));
    assert.equal((await attempt('198.51.100.11', other.email, other.apiKey)).statusCode, 200);
  });

  test('a key this process verified a moment ago still works from a locked address (one office, one bad ERP)', async () => {
    const from = '203.0.113.30';
    assert.equal((await attempt(from, other.email, other.apiKey)).statusCode, 200);
    for (let i = 0; i <= limits.perAddress; i++) await attempt(from, `typo${i}@example.com`, 'cais_wrong');
    assertLimited(await attempt(from, 'typo@example.com', 'cais_wrong'));
    assert.equal((await attempt(from, other.email, other.apiKey)).statusCode, 200);
  });
});

describe('every API process counts the same attempts', () => {
  test('failures seen by one process lock the guesser out of another', async () => {
    const second = await appOn(t.db);
    try {
      const from = '203.0.113.40';
      const email = 'shared-victim@example.com';
      for (let i = 0; i < limits.perEmail; i++)
        assert.equal((await attempt(from, email, `k${i}`)).statusCode, 401);
      assertLimited(await attempt(from, email, 'k-next', second));
    } finally {
      await second.close();
    }
  });
});
