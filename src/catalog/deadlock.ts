import type { Queryable } from '../db/db.ts';
import { isCaisError } from '../errors.ts';

/**
 * A single statement that lost a deadlock was rolled back whole, so running it again is safe;
 * but only on the database itself (it has `transaction`): inside a transaction that lost one,
 * every later statement fails, and the caller's transaction as a whole must be retried.
 */
export async function retryOnDeadlock<T>(db: Queryable, work: () => Promise<T>, attempts = 3): Promise<T> {
  const standalone = 'transaction' in db;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const contention = isCaisError(error) && error.code === 'db_contention';
      if (!standalone || !contention || attempt >= attempts) throw error;
    }
  }
}
