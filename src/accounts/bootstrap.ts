/**
 * First start: an empty database gets one account with an owner and an API key, from the
 * CAIS_BOOTSTRAP_* settings when given, otherwise generated; the caller prints them once.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/db.ts';
import { createAccountIn } from './accounts.ts';
import { countAccounts } from './queries.ts';
import { generatePassword } from './secrets.ts';

export interface BootstrapCredentials {
  email: string;
  password: string;
  apiKey: string;
  accountManagerKey: string;
  generated: boolean;
}

const BOOTSTRAP_LOCK = 7_283_002;

export async function bootstrapAccount(db: Db, config: Config): Promise<BootstrapCredentials | undefined> {
  const wanted = config.bootstrap;
  const password = wanted.password ?? generatePassword();
  const email = wanted.email ?? 'owner@cais.local';
  const account = await db.transaction(async (tx) => {
    // Two processes starting on an empty database must not both create the first account.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
    if ((await countAccounts(tx)) > 0) return undefined;
    return createAccountIn(tx, {
      name: 'Minha loja',
      owner: { email, password, role: 'owner' },
      apiKey: wanted.apiKey,
    });
  });
  if (!account) return undefined;
  return {
    email,
    password,
    apiKey: account.apiKey,
    accountManagerKey: wanted.accountManagerKey ?? 'cais-local',
    generated: !(wanted.email && wanted.password && wanted.apiKey),
  };
}
