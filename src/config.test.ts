import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError, readConfig } from './config.ts';

const secret = 'ab'.repeat(32);

/** The problems readConfig reports for env, or [] when it accepts it. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    readConfig(env, '/srv/cais');
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems;
  }
}

describe('readConfig', () => {
  test('an empty environment gives working defaults', () => {
    const config = readConfig({}, '/srv/cais');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, '/srv/cais/data');
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.logLevel, 'info');
    assert.equal(config.bodyLimitBytes, 5 * 1024 * 1024);
    assert.ok(config.rateLimitPerMinute >= 1000);
    assert.equal(config.accountManagerKeys, undefined);
    assert.deepEqual(config.bootstrap, {
      email: undefined,
      password: undefined,
      apiKey: undefined,
      accountManagerKey: undefined,
    });
  });

  test('values are read and typed', () => {
    const config = readConfig(
      {
        DATABASE_URL: 'postgresql://cais@db:5432/cais',
        CAIS_SECRET_KEY: secret,
        CAIS_DATA_DIR: 'var/cais',
        PORT: '8080',
        HOST: '0.0.0.0',
        CAIS_LOG_LEVEL: 'warn',
        CAIS_RATE_LIMIT_PER_MINUTE: '60',
        CAIS_BODY_LIMIT_BYTES: '1048576',
        CAIS_ACCOUNTMANAGER_KEYS: ' erp-a , erp-b,,',
        CAIS_BOOTSTRAP_EMAIL: 'Dono@Loja.com.br',
        CAIS_BOOTSTRAP_PASSWORD: 'long-enough',
        CAIS_BOOTSTRAP_API_KEY: 'k'.repeat(20),
        CAIS_BOOTSTRAP_ACCOUNTMANAGER_KEY: 'erp-a',
      },
      '/srv/cais',
    );
    assert.equal(config.databaseUrl, 'postgresql://cais@db:5432/cais');
    assert.equal(config.dataDir, '/srv/cais/var/cais');
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.rateLimitPerMinute, 60);
    assert.equal(config.bodyLimitBytes, 1048576);
    assert.deepEqual(config.accountManagerKeys, ['erp-a', 'erp-b']);
    assert.deepEqual(config.bootstrap, {
      email: 'dono@loja.com.br',
      password: 'long-enough',
      apiKey: 'k'.repeat(20),
      accountManagerKey: 'erp-a',
    });
  });

  test('blank values count as unset', () => {
    const config = readConfig({ PORT: '  ', CAIS_LOG_LEVEL: '', CAIS_BOOTSTRAP_EMAIL: ' ' }, '/srv');
    assert.equal(config.port, 3000);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.bootstrap.email, undefined);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['PORT not a number', { PORT: 'http' }, /^PORT must be a whole number from 0 to 65535 \(got "http"\)$/],
    ['PORT out of range', { PORT: '70000' }, /^PORT must be a whole number/],
    ['PORT in exponent form', { PORT: '3e3' }, /^PORT must be a whole number/],
    ['PORT negative', { PORT: '-1' }, /^PORT must be a whole number/],
    ['pool size 0', { CAIS_DB_POOL_SIZE: '0' }, /^CAIS_DB_POOL_SIZE must be a whole number from 1/],
    [
      'rate limit 0',
      { CAIS_RATE_LIMIT_PER_MINUTE: '0' },
      /^CAIS_RATE_LIMIT_PER_MINUTE must be a whole number from 1/,
    ],
    [
      'rate limit fractional',
      { CAIS_RATE_LIMIT_PER_MINUTE: '1.5' },
      /^CAIS_RATE_LIMIT_PER_MINUTE must be a whole number/,
    ],
    [
      'body limit too small',
      { CAIS_BODY_LIMIT_BYTES: '10' },
      /^CAIS_BODY_LIMIT_BYTES must be a whole number from 1024/,
    ],
    [
      'body limit with a unit',
      { CAIS_BODY_LIMIT_BYTES: '5mb' },
      /^CAIS_BODY_LIMIT_BYTES must be a whole number/,
    ],
    [
      'DATABASE_URL not postgres',
      { DATABASE_URL: 'mysql://db/cais', CAIS_SECRET_KEY: secret },
      /^DATABASE_URL must be a postgres/,
    ],
    [
      'DATABASE_URL without CAIS_SECRET_KEY',
      { DATABASE_URL: 'postgres://db/cais' },
      /^CAIS_SECRET_KEY is required with DATABASE_URL/,
    ],
    ['CAIS_SECRET_KEY too short', { CAIS_SECRET_KEY: 'abc' }, /^CAIS_SECRET_KEY must be 32 bytes/],
    [
      'log level unknown',
      { CAIS_LOG_LEVEL: 'verbose' },
      /^CAIS_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent$/,
    ],
    [
      'bootstrap email invalid',
      { CAIS_BOOTSTRAP_EMAIL: 'not-an-email' },
      /^CAIS_BOOTSTRAP_EMAIL must be an email address$/,
    ],
    [
      'bootstrap password short',
      { CAIS_BOOTSTRAP_PASSWORD: 'short' },
      /^CAIS_BOOTSTRAP_PASSWORD must have at least 8 characters$/,
    ],
    [
      'bootstrap API key short',
      { CAIS_BOOTSTRAP_API_KEY: 'short' },
      /^CAIS_BOOTSTRAP_API_KEY must have at least 20 characters$/,
    ],
    ['allow-list with no key', { CAIS_ACCOUNTMANAGER_KEYS: ' , ,' }, /^CAIS_ACCOUNTMANAGER_KEYS /],
    [
      'public URL not http',
      { CAIS_PUBLIC_URL: 'ftp://cais.example.com' },
      /^CAIS_PUBLIC_URL must be an http\(s\) URL$/,
    ],
  ];
  for (const [name, env, message] of bad) {
    test(`${name}: ConfigError naming the variable`, () => {
      const problems = problemsOf(env);
      assert.equal(problems.length, 1, problems.join('; '));
      assert.match(problems[0]!, message);
    });
  }

  test('every problem is reported at once, in the error message too', () => {
    try {
      readConfig({ PORT: 'x', CAIS_LOG_LEVEL: 'loud', CAIS_BOOTSTRAP_PASSWORD: '123' });
      assert.fail('readConfig accepted a bad environment');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.problems.length, 3);
      for (const name of ['PORT', 'CAIS_LOG_LEVEL', 'CAIS_BOOTSTRAP_PASSWORD'])
        assert.match(error.message, new RegExp(name));
    }
  });

  test('a bad value stops `cais` at start with a message naming it, and exit code 1', () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const { DATABASE_URL: _, ...env } = process.env;
    const result = spawnSync(process.execPath, [main, 'migrate'], {
      env: { ...env, PORT: 'eighty', CAIS_DATA_DIR: '/nonexistent/never-created' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /invalid configuration/);
    assert.match(result.stderr, /PORT must be a whole number from 0 to 65535 \(got "eighty"\)/);
  });
});
