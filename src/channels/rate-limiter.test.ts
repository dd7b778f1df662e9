/**
 * PostgreSQL's shared buckets as one process uses them, against a scripted `take_rate_tokens`
 * (the clock stands still, so only the statements decide): a fast bucket's next lease is asked
 * for while the current one still serves, so the calls in flight never all stop for it, and
 * never more than once per lease; a slow bucket (a real Mercado Livre app's 10 calls a second)
 * takes each call's token when the call goes, and leases nothing.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import type { Queryable } from '../db/db.ts';
import { PgRateLimiter } from './rate-limiter.ts';

/** Holds every take_rate_tokens until the test grants it. */
class ScriptedBucket implements Queryable {
  readonly asked: { want: number; grant(granted: number): void }[] = [];

  query<R>(_sql: string, params?: readonly unknown[]): Promise<R[]> {
    return new Promise((resolve) => {
      this.asked.push({
        want: params?.[3] as number,
        grant: (granted) => resolve([{ granted, wait_ms: granted > 0 ? 0 : 1_000 }] as R[]),
      });
    });
  }
}

/** Whether the promise settled by the time the queued callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('buckets shared through PostgreSQL', () => {
  beforeEach(() => mock.timers.enable({ apis: ['Date'] }));
  afterEach(() => mock.timers.reset());

  it('ask for a fast bucket’s next lease while the current one still serves', async () => {
    const bucket = new ScriptedBucket();
    const limiter = new PgRateLimiter(bucket);
    const fast = { perSecond: 1_000, burst: 1_000 };
    const first = limiter.take('c1:stock', fast);
    assert.equal(bucket.asked.length, 1);
    assert.equal(bucket.asked[0]!.want, 50, 'a lease of 50 ms of the rate');
    bucket.asked[0]!.grant(10); // the first call's token and a lease of 9
    await first;
    // Half of the lease spent: its successor is asked for, and the other half still serves.
    for (let i = 0; i < 4; i++) await limiter.take('c1:stock', fast);
    assert.equal(bucket.asked.length, 2, 'the next lease is asked for once half is spent');
    for (let i = 0; i < 5; i++) assert.ok(await settled(limiter.take('c1:stock', fast)));
    assert.equal(bucket.asked.length, 2, 'asked once per lease');
    // Past the lease, a call waits for the one statement in flight, and gets its lease.
    const past = limiter.take('c1:stock', fast);
    assert.equal(await settled(past), false);
    bucket.asked[1]!.grant(50);
    await past;
    assert.equal(bucket.asked.length, 2);
  });

  it('take each token of a slow bucket when its call goes', async () => {
    const bucket = new ScriptedBucket();
    const limiter = new PgRateLimiter(bucket);
    const mercadoLivre = { perSecond: 10, burst: 20 };
    for (let call = 1; call <= 3; call++) {
      const taken = limiter.take('c2:stock', mercadoLivre);
      assert.equal(bucket.asked.length, call, 'one statement per call');
      assert.equal(bucket.asked.at(-1)!.want, 1);
      bucket.asked.at(-1)!.grant(1);
      await taken;
    }
  });
});
