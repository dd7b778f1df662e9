/**
 * Configuration is read once at boot from an env record (passed in, so tests can build any) and
 * validated: a missing or malformed value stops the process with a message naming the variable.
 */
import { resolve } from 'node:path';
import { parseSecretKey } from './connections/cipher.ts';

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolSize: number;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  /** Requests per minute per account on the seller API. */
  rateLimitPerMinute: number;
  /** When set, only these X-Accountmanager-Key values are accepted. */
  accountManagerKeys: string[] | undefined;
  /**
   * Key that encrypts marketplace credentials (AES-256-GCM). Required with PostgreSQL; with the
   * embedded database it is generated into the data folder on first start when not given.
   */
  secretKey: Buffer | undefined;
  /** The URL sellers' browsers reach Cais at (OAuth callbacks); by default the request's own host. */
  publicUrl: string | undefined;
  /** Seconds an order handed out by GET /queues/orders stays hidden before it is handed out again. */
  orderQueueVisibilitySeconds: number;
  /** Trust X-Forwarded-* headers (set when Cais runs behind a reverse proxy). */
  trustProxy: boolean;
  /** A sync run's lease: a run whose worker died is taken over after this long. */
  syncLeaseMs: number;
  /** Runs one worker process takes at once (different connections or resources). */
  workerConcurrency: number;
  /** pg-boss's schema; several Cais installations can share one database with different ones. */
  jobSchema: string;
  bootstrap: {
    email: string | undefined;
    password: string | undefined;
    apiKey: string | undefined;
    accountManagerKey: string | undefined;
  };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function readConfig(env: Env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const text = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const boolean = (name: string, fallback: boolean) => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection string');
  }
  const logLevel = (text('CAIS_LOG_LEVEL') ?? 'info') as Config['logLevel'];
  if (!logLevels.includes(logLevel)) problems.push(`CAIS_LOG_LEVEL must be one of ${logLevels.join(', ')}`);

  const email = text('CAIS_BOOTSTRAP_EMAIL')?.toLowerCase();
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email))
    problems.push('CAIS_BOOTSTRAP_EMAIL must be an email address');
  const password = text('CAIS_BOOTSTRAP_PASSWORD');
  if (password !== undefined && password.length < 8) {
    problems.push('CAIS_BOOTSTRAP_PASSWORD must have at least 8 characters');
  }
  const apiKey = text('CAIS_BOOTSTRAP_API_KEY');
  if (apiKey !== undefined && apiKey.length < 20) {
    problems.push('CAIS_BOOTSTRAP_API_KEY must have at least 20 characters');
  }

  const secretText = text('CAIS_SECRET_KEY');
  const secretKey = secretText === undefined ? undefined : parseSecretKey(secretText);
  if (secretText !== undefined && !secretKey) {
    problems.push(
      'CAIS_SECRET_KEY must be 32 bytes: 64 hex characters or base64 (e.g. `openssl rand -hex 32`)',
    );
  }
  if (databaseUrl && secretText === undefined) {
    problems.push('CAIS_SECRET_KEY is required with DATABASE_URL (generate one with `openssl rand -hex 32`)');
  }
  const accountManagerKeys = text('CAIS_ACCOUNTMANAGER_KEYS')
    ?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  // An empty allow-list (",") would refuse every ERP; unset means "any key".
  if (accountManagerKeys?.length === 0) {
    problems.push('CAIS_ACCOUNTMANAGER_KEYS must list at least one key (comma-separated), or be unset');
  }
  const publicUrl = text('CAIS_PUBLIC_URL')?.replace(/\/+$/, '');
  if (publicUrl && !/^https?:\/\/[^\s]+$/.test(publicUrl))
    problems.push('CAIS_PUBLIC_URL must be an http(s) URL');

  const jobSchema = text('CAIS_JOB_SCHEMA');
  if (jobSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(jobSchema)) {
    problems.push('CAIS_JOB_SCHEMA must be a lower-case SQL identifier (letters, digits, _)');
  }

  const config: Config = {
    databaseUrl,
    dataDir: resolve(cwd, text('CAIS_DATA_DIR') ?? 'data'),
    dbPoolSize: integer('CAIS_DB_POOL_SIZE', 10, 1, 500),
    host: text('HOST') ?? '127.0.0.1',
    port: integer('PORT', 3000, 0, 65535),
    logLevel,
    bodyLimitBytes: integer('CAIS_BODY_LIMIT_BYTES', 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    rateLimitPerMinute: integer('CAIS_RATE_LIMIT_PER_MINUTE', 12_000, 1, 10_000_000),
    accountManagerKeys,
    secretKey,
    publicUrl,
    orderQueueVisibilitySeconds: integer('CAIS_ORDER_QUEUE_VISIBILITY_SECONDS', 300, 1, 86_400),
    trustProxy: boolean('CAIS_TRUST_PROXY', false),
    syncLeaseMs: integer('CAIS_SYNC_LEASE_SECONDS', 30, 2, 600) * 1000,
    workerConcurrency: integer('CAIS_WORKER_CONCURRENCY', 8, 1, 64),
    jobSchema: jobSchema ?? 'pgboss',
    bootstrap: {
      email,
      password,
      apiKey,
      accountManagerKey: text('CAIS_BOOTSTRAP_ACCOUNTMANAGER_KEY'),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
