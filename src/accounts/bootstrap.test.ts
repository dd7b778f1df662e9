import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createTestDb, type TestDb, testConfig } from '../../test/helpers.ts';
import { createAccount } from './accounts.ts';
import { ApiKeyAuthenticator } from './api-key-auth.ts';
import { type BootstrapCredentials, bootstrapAccount } from './bootstrap.ts';
import { verifyPassword } from './secrets.ts';

let t: TestDb;

before(async () => {
  t = await createTestDb();
});
after(() => t.close());
beforeEach(async () => {
  await t.db.query('TRUNCATE accounts CASCADE');
});

const accountCount = async () =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts'))[0]!.n;

/** The credentials work: the API key authenticates, the owner's password verifies. */
async function assertUsable(credentials: BootstrapCredentials): Promise<void> {
  const principal = await new ApiKeyAuthenticator(t.db).authenticate(credentials.email, credentials.apiKey);
  assert.ok(principal, 'the API key does not authenticate');
  const [owner] = await t.db.query<{ role: string; password_hash: string; account_id: number }>(
    'SELECT role, password_hash, account_id FROM users WHERE email = $1',
    [credentials.email],
  );
  assert.equal(owner?.role, 'owner');
  assert.equal(owner?.account_id, principal.accountId);
  assert.ok(await verifyPassword(credentials.password, owner.password_hash));
}

describe('bootstrapAccount', () => {
  test('an empty database gets one account from the CAIS_BOOTSTRAP_* settings', async () => {
    const config = testConfig({
      CAIS_BOOTSTRAP_EMAIL: 'Dona@Loja.com.br',
      CAIS_BOOTSTRAP_PASSWORD: 'senha-forte-123',
      CAIS_BOOTSTRAP_API_KEY: 'erp-key-0123456789abcdef',
      CAIS_BOOTSTRAP_ACCOUNTMANAGER_KEY: 'meu-erp',
    });
    const credentials = await bootstrapAccount(t.db, config);
    assert.deepEqual(credentials, {
      email: 'dona@loja.com.br',
      password: 'senha-forte-123',
      apiKey: 'erp-key-0123456789abcdef',
      accountManagerKey: 'meu-erp',
      generated: false,
    });
    assert.equal(await accountCount(), 1);
    await assertUsable(credentials);
  });

  test('without settings, credentials are generated (and usable)', async () => {
    const credentials = await bootstrapAccount(t.db, testConfig());
    assert.ok(credentials);
    assert.equal(credentials.generated, true);
    assert.equal(credentials.email, 'owner@cais.local');
    assert.ok(credentials.password.length >= 12, credentials.password);
    assert.match(credentials.apiKey, /^cais_[\w-]{40,}$/);
    assert.ok(credentials.accountManagerKey);
    await assertUsable(credentials);
  });

  test('never twice: a second start creates nothing and shows nothing', async () => {
    assert.ok(await bootstrapAccount(t.db, testConfig()));
    const again = await bootstrapAccount(
      t.db,
      testConfig({ CAIS_BOOTSTRAP_EMAIL: 'outra@loja.com', CAIS_BOOTSTRAP_API_KEY: 'x'.repeat(24) }),
    );
    assert.equal(again, undefined);
    assert.equal(await accountCount(), 1);
    const users = await t.db.query('SELECT 1 FROM users WHERE email = $1', ['outra@loja.com']);
    assert.equal(users.length, 0);
  });

  test('a database that already has an account (made by the CLI) is left alone', async () => {
    await createAccount(t.db, { name: 'CLI', owner: { email: 'cli@loja.com', role: 'owner' } });
    assert.equal(await bootstrapAccount(t.db, testConfig()), undefined);
    assert.equal(await accountCount(), 1);
  });

  test('only some settings given: those are used, the rest generated', async () => {
    const credentials = await bootstrapAccount(
      t.db,
      testConfig({ CAIS_BOOTSTRAP_EMAIL: 'so-email@loja.com' }),
    );
    assert.ok(credentials);
    assert.equal(credentials.email, 'so-email@loja.com');
    assert.equal(credentials.generated, true);
    await assertUsable(credentials);
  });

  test('several processes starting together create exactly one account', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => bootstrapAccount(t.db, testConfig())));
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(await accountCount(), 1);
  });
});
