/**
 * The command line: `all` (default: API + worker), `serve`, `work`, `migrate`, and account
 * management (`account create`, `user create`, `apikey create|list|revoke`).
 */
import { parseArgs } from 'node:util';
import {
  createAccount,
  createApiKey,
  createUser,
  revokeApiKey,
  roles,
  type Role as UserRole,
} from './accounts/accounts.ts';
import { listApiKeys } from './accounts/queries.ts';
import { type Config, ConfigError, readConfig } from './config.ts';
import { migrate } from './db/migrate.ts';
import { openDb } from './db/open.ts';
import { openMigratedDb, type Role, start } from './server.ts';

const usage = `usage: cais [all|serve|work|migrate]
       cais account create --name NAME --email EMAIL [--password PASSWORD]
       cais user create --account ID --email EMAIL [--role owner|admin|viewer] [--password PASSWORD]
       cais apikey create --account ID [--name NAME]
       cais apikey list --account ID
       cais apikey revoke --account ID --id KEY_ID`;

const options = {
  name: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  account: { type: 'string' },
  role: { type: 'string' },
  id: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options, allowPositionals: true });
  if (values.help) return void console.log(usage);
  const config = readConfig(process.env);
  const [command = 'all', sub] = positionals;
  if (command === 'all' || command === 'serve' || command === 'work') return runRole(config, command);
  if (command === 'migrate') return runMigrate(config);
  if (command === 'account' && sub === 'create') return withDb(config, (db) => accountCreate(db, values));
  if (command === 'user' && sub === 'create') return withDb(config, (db) => userCreate(db, values));
  if (command === 'apikey' && sub) return withDb(config, (db) => apiKeyCommand(db, sub, values));
  throw new UsageError(`unknown command: ${positionals.join(' ')}`);
}

class UsageError extends Error {}

type Values = {
  [K in keyof typeof options]?: (typeof options)[K]['type'] extends 'string' ? string : boolean;
};
type Db = Awaited<ReturnType<typeof openDb>>;

async function runRole(config: Config, role: Role): Promise<void> {
  const running = await start(config, role);
  const where = running.url ?? `worker on ${running.db.kind}`;
  console.log(
    `\nCais is running (${role}, database: ${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}): ${where}`,
  );
  if (running.url) console.log(`Console: ${running.url}/  ·  API docs: ${running.url}/docs`);
  if (running.credentials) printCredentials(running.credentials, config);
  const shutdown = (signal: string) => {
    console.log(`${signal} received, shutting down`);
    running.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

function printCredentials(
  c: NonNullable<Awaited<ReturnType<typeof start>>['credentials']>,
  config: Config,
): void {
  // Generated secrets exist nowhere else, so they are shown once; ones the operator configured are
  // not echoed into the logs.
  const given = (value: string | undefined, name: string, secret: string) =>
    value === undefined ? secret : `(as set in ${name})`;
  console.log('\nFirst start: created an account. Keep these; the API key and password are not shown again.');
  console.log(
    `  console login:          ${c.email} / ${given(config.bootstrap.password, 'CAIS_BOOTSTRAP_PASSWORD', c.password)}`,
  );
  console.log(`  X-User-Email:           ${c.email}`);
  console.log(
    `  X-Api-Key:              ${given(config.bootstrap.apiKey, 'CAIS_BOOTSTRAP_API_KEY', c.apiKey)}`,
  );
  console.log(
    `  X-Accountmanager-Key:   ${c.accountManagerKey} (any value is accepted unless CAIS_ACCOUNTMANAGER_KEYS is set)\n`,
  );
}

async function runMigrate(config: Config): Promise<void> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await db.close();
  }
}

async function withDb(config: Config, fn: (db: Db) => Promise<void>): Promise<void> {
  const db = await openMigratedDb(config);
  try {
    await fn(db);
  } finally {
    await db.close();
  }
}

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function accountId(values: Values): number {
  const id = Number(required(values, 'account'));
  if (!Number.isInteger(id) || id <= 0) throw new UsageError('--account must be an account id');
  return id;
}

async function accountCreate(db: Db, values: Values): Promise<void> {
  const created = await createAccount(db, {
    name: required(values, 'name'),
    owner: { email: required(values, 'email'), password: values.password, role: 'owner' },
  });
  console.log(
    JSON.stringify(
      {
        account_id: created.accountId,
        user_id: created.userId,
        api_key_id: created.apiKeyId,
        api_key: created.apiKey,
      },
      null,
      2,
    ),
  );
}

async function userCreate(db: Db, values: Values): Promise<void> {
  const role = (values.role ?? 'admin') as UserRole;
  if (!roles.includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
  const id = await createUser(db, accountId(values), {
    email: required(values, 'email'),
    password: values.password,
    role,
  });
  console.log(JSON.stringify({ user_id: id }));
}

async function apiKeyCommand(db: Db, sub: string, values: Values): Promise<void> {
  const account = accountId(values);
  if (sub === 'create') {
    const key = await createApiKey(db, account, values.name ?? 'cli');
    console.log(JSON.stringify({ api_key_id: key.id, api_key: key.key }, null, 2));
  } else if (sub === 'list') {
    console.log(JSON.stringify(await listApiKeys(db, account), null, 2));
  } else if (sub === 'revoke') {
    await revokeApiKey(db, account, Number(required(values, 'id')));
    console.log('revoked');
  } else {
    throw new UsageError(`unknown apikey command: ${sub}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UsageError) {
    console.error(`cais: ${error.message}`);
    if (error instanceof UsageError) console.error(usage);
  } else {
    console.error('cais: failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
