import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DelayedQueue } from './delayed-queue.ts';
import { ChannelFaults } from './faults.ts';
import { nfeKeyIsValid, withNfeCheckDigit } from './nfe.ts';
import { RandomStreams } from './random.ts';
import { ChannelLimits } from './rate-limit.ts';
import { WriteLog } from './write-log.ts';

describe('token bucket', () => {
  test('allows the burst, then refuses until the rate refills a token', () => {
    const limits = new ChannelLimits({ '*': { rate: 2, burst: 3 } }, { unlimited: false });
    const holder = { buckets: new Map() };
    assert.deepEqual(
      [0, 1, 2].map(() => limits.take(holder, 'op', 1000)),
      [0, 0, 0],
    );
    assert.equal(limits.take(holder, 'op', 1000), 500, 'half a second until the next token at 2/s');
    assert.equal(limits.take(holder, 'op', 1500), 0);
  });

  test('keeps one bucket per operation and skips all of them when unlimited', () => {
    const limitSwitch = { unlimited: false };
    const limits = new ChannelLimits({ '*': { rate: 1, burst: 1 } }, limitSwitch);
    const holder = { buckets: new Map() };
    assert.equal(limits.take(holder, 'a', 0), 0);
    assert.equal(limits.take(holder, 'b', 0), 0, 'another operation has its own bucket');
    assert.ok(limits.take(holder, 'a', 0) > 0);
    limitSwitch.unlimited = true;
    assert.equal(limits.take(holder, 'a', 0), 0);
  });
});

describe('fault decisions', () => {
  function schedule(seed: string): boolean[] {
    const faults = new ChannelFaults('x', new RandomStreams(seed));
    faults.set('op', { error_rate: 0.5 });
    return Array.from({ length: 40 }, () => faults.decide('op')?.outcome === 'error');
  }

  test('the same seed fails the same calls, another seed others', () => {
    assert.deepEqual(schedule('s1'), schedule('s1'));
    assert.notDeepEqual(schedule('s1'), schedule('s2'));
    const failures = schedule('s1').filter(Boolean).length;
    assert.ok(failures > 8 && failures < 32, `about half fail (${failures}/40)`);
  });

  test('a rule with count covers that many calls, then disappears', () => {
    const faults = new ChannelFaults('x', new RandomStreams('seed'));
    faults.set('*', { error_rate: 1, count: 2 });
    assert.equal(faults.decide('any')?.outcome, 'error');
    assert.equal(faults.decide('other')?.outcome, 'error');
    assert.equal(faults.decide('any'), null);
    assert.equal(faults.active, false);
  });
});

describe('write log', () => {
  test('keeps the last `capacity` writes and says which were dropped', () => {
    const log = new WriteLog(3);
    for (let i = 1; i <= 5; i++) log.append('c', 'op', 's', `t${i}`, 200, { i }, i);
    const page = log.query({});
    assert.deepEqual(
      page.entries.map((entry) => entry.target),
      ['t3', 't4', 't5'],
    );
    assert.equal(page.oldest_seq, 3);
    assert.equal(page.next_since, 5);
    assert.deepEqual(
      log.query({ since: 4 }).entries.map((entry) => entry.seq),
      [5],
    );
  });

  test('filters by channel and target and pages with since', () => {
    const log = new WriteLog(10);
    log.append('a', 'op', 's', 'x', 200, null, 1);
    log.append('b', 'op', 's', 'x', 200, null, 2);
    log.append('a', 'op', 's', 'y', 200, null, 3);
    const first = log.query({ channel: 'a', limit: 1 });
    assert.deepEqual(
      first.entries.map((entry) => entry.target),
      ['x'],
    );
    const rest = log.query({ channel: 'a', since: first.next_since });
    assert.deepEqual(
      rest.entries.map((entry) => entry.target),
      ['y'],
    );
  });
});

describe('delayed queue', () => {
  test('applies in push order once due', async () => {
    const queue = new DelayedQueue();
    const applied: number[] = [];
    queue.push({ dueAt: Date.now() + 20, apply: () => applied.push(1) });
    queue.push({ dueAt: Date.now() + 5, apply: () => applied.push(2) });
    assert.deepEqual(applied, []);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepEqual(applied, [1, 2], 'a later write never lands before an earlier one');
    queue.clear();
  });
});

describe('NF-e key', () => {
  test('checks the modulo-11 digit', () => {
    const key = withNfeCheckDigit('3526011234567800019955001000000001100000001');
    assert.ok(nfeKeyIsValid(key));
    const wrong = `${key.slice(0, 43)}${(Number(key[43]) + 1) % 10}`;
    assert.equal(nfeKeyIsValid(wrong), false);
    assert.equal(nfeKeyIsValid('123'), false);
  });
});
