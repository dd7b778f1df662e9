import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { openSimulator } from '../test-support.ts';
import { SP_DEFAULTS } from './control.ts';
import { shopeeSign } from './sign.ts';
import { shopeeCall, signedQuery } from './testing.ts';

const ITEMS = '/api/v2/product/get_item_list';
const REDIRECT = 'https://hub.example/callback/shopee';

let sim: TestSimulator;
let token: string;
before(async () => {
  sim = await openSimulator();
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = (await sim.control('POST', '/shopee/tokens', {})).body.access_token;
});

const listItems = (call: Parameters<typeof shopeeCall>[3] = {}) =>
  shopeeCall(sim, 'GET', ITEMS, {
    token,
    query: { offset: '0', page_size: '10', item_status: 'NORMAL' },
    ...call,
  });
const now = async () => Math.floor(Date.parse((await sim.control('GET', '/clock')).body.now) / 1000);

describe('Shopee signing', () => {
  test('a good sign is accepted: the envelope with an empty error', async () => {
    const answer = await listItems();
    assert.equal(answer.status, 200);
    assert.equal(answer.body.error, '');
    assert.equal(answer.body.message, '');
    assert.match(answer.body.request_id, /^[0-9a-f]{32}$/);
    assert.deepEqual(answer.body.response.item, []);
  });

  test('HMAC-SHA256 over partner_id + api_path + timestamp + access_token + shop_id, lowercase hex', async () => {
    const timestamp = await now();
    const base = `${SP_DEFAULTS.partnerId}${ITEMS}${timestamp}${token}${SP_DEFAULTS.shopId}`;
    const sign = shopeeSign(SP_DEFAULTS.partnerKey, base);
    assert.match(sign, /^[0-9a-f]{64}$/);
    assert.equal((await listItems({ timestamp, sign })).body.error, '');
    assert.equal((await listItems({ timestamp, sign: sign.toUpperCase() })).body.error, 'error_sign');
  });

  test('a bad sign is refused by the gateway with HTTP 403 and the envelope (S7): wrong key, wrong path, tampered', async () => {
    for (const call of [{ partnerKey: 'not-the-key' }, { sign: 'f'.repeat(64) }]) {
      const refused = await listItems(call);
      assert.equal(refused.status, 403);
      assert.deepEqual([refused.body.error, refused.body.message], ['error_sign', 'Wrong sign.']);
      assert.ok(refused.body.request_id);
      assert.equal(refused.body.response, undefined);
    }
    const otherPath = await signedQuery(sim, '/api/v2/product/get_item_base_info', { token });
    const moved = await sim.call('shopee', 'GET', `${ITEMS}?${otherPath}&page_size=10`);
    assert.equal(moved.body.error, 'error_sign', 'the api path is part of the signed base');
  });

  test('timestamps older than 5 minutes are refused; 299 s is fine', async () => {
    const current = await now();
    assert.equal((await listItems({ timestamp: current - 299 })).body.error, '');
    const old = await listItems({ timestamp: current - 301 });
    assert.equal(old.status, 200);
    assert.deepEqual([old.body.error, old.body.message], ['error_param', 'Invalid timestamp']);
  });

  test('missing or unknown partner_id, missing sign and token: error_param', async () => {
    const bare = await sim.call('shopee', 'GET', `${ITEMS}?page_size=10`);
    assert.deepEqual([bare.status, bare.body.error], [200, 'error_param']);
    assert.equal((await listItems({ partnerId: 999 })).body.message, 'Invalid partner_id.');
    const query = (await signedQuery(sim, ITEMS, { token })).replace(/&sign=[0-9a-f]+/, '');
    assert.equal(
      (await sim.call('shopee', 'GET', `${ITEMS}?${query}`)).body.message,
      'There is no sign in query.',
    );
    const noToken = await shopeeCall(sim, 'GET', ITEMS, { query: { shop_id: String(SP_DEFAULTS.shopId) } });
    assert.equal(noToken.body.message, 'There is no access_token in query.');
  });

  test("another shop's token, or an expired one, is refused", async () => {
    await sim.control('POST', '/shopee/sellers', { id: 880000002 });
    const wrongShop = await listItems({ shopId: 880000002 });
    assert.equal(wrongShop.body.error, 'error_auth');
    await sim.control('POST', '/clock', { advance_ms: 4 * 3_600_000 + 1 });
    const expired = await listItems();
    assert.equal(expired.status, 403);
    assert.equal(expired.body.error, 'invalid_acceess_token');
  });
});

describe('Shopee shop authorisation and tokens', () => {
  async function authorise(): Promise<{ code: string; shopId: number }> {
    const query = await signedQuery(sim, '/api/v2/shop/auth_partner', { query: { redirect: REDIRECT } });
    const answer = await sim.call('shopee', 'GET', `/api/v2/shop/auth_partner?${query}`);
    assert.equal(answer.status, 302, JSON.stringify(answer.body));
    const location = new URL(answer.headers.get('location')!);
    assert.equal(`${location.origin}${location.pathname}`, REDIRECT);
    return { code: location.searchParams.get('code')!, shopId: Number(location.searchParams.get('shop_id')) };
  }
  const tokenGet = (json: unknown) => shopeeCall(sim, 'POST', '/api/v2/auth/token/get', { json });
  const refresh = (json: unknown) => shopeeCall(sim, 'POST', '/api/v2/auth/access_token/get', { json });

  test('auth_partner redirects with code and shop_id; token/get answers 4 h tokens, flat', async () => {
    const { code, shopId } = await authorise();
    assert.equal(shopId, SP_DEFAULTS.shopId);
    const answer = await tokenGet({ code, shop_id: shopId, partner_id: SP_DEFAULTS.partnerId });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.error, '');
    assert.equal(answer.body.expire_in, 14_400);
    assert.match(answer.body.access_token, /^[0-9a-f]{32}$/);
    assert.match(answer.body.refresh_token, /^[0-9a-f]{32}$/);
    assert.ok(answer.body.request_id);
    assert.equal((await listItems({ token: answer.body.access_token })).body.error, '');
    const again = await tokenGet({ code, shop_id: shopId, partner_id: SP_DEFAULTS.partnerId });
    assert.deepEqual(
      [again.body.error, again.body.message],
      ['invalid_code', 'The code is expired or used or invalid, please check the code.'],
      'a code is single-use (S7)',
    );
  });

  test('access_token/get rotates the refresh token; the spent one is refused', async () => {
    const first = (await sim.control('POST', '/shopee/tokens', {})).body;
    const body = (refreshToken: string, shopId: number = SP_DEFAULTS.shopId) => ({
      refresh_token: refreshToken,
      shop_id: shopId,
      partner_id: SP_DEFAULTS.partnerId,
    });
    const wrongShop = await refresh(body(first.refresh_token, 42));
    assert.equal(wrongShop.body.error, 'error_shop_refresh_token');
    const second = await refresh(body(first.refresh_token));
    assert.equal(second.body.error, '', 'a call for the wrong shop did not burn the token');
    assert.equal(second.body.shop_id, SP_DEFAULTS.shopId);
    assert.equal(second.body.partner_id, SP_DEFAULTS.partnerId);
    assert.notEqual(second.body.refresh_token, first.refresh_token);
    assert.equal(second.body.expire_in, 14_400);
    const reuse = await refresh(body(first.refresh_token));
    assert.deepEqual([reuse.status, reuse.body.error], [200, 'error_shop_refresh_token']);
    assert.equal((await refresh(body(second.body.refresh_token))).body.error, '');
  });

  test('auth endpoints take the public sign only', async () => {
    const first = (await sim.control('POST', '/shopee/tokens', {})).body;
    const query = await signedQuery(sim, '/api/v2/auth/access_token/get', { token: first.access_token });
    const answer = await sim.call('shopee', 'POST', `/api/v2/auth/access_token/get?${query}`, {
      json: {
        refresh_token: first.refresh_token,
        shop_id: SP_DEFAULTS.shopId,
        partner_id: SP_DEFAULTS.partnerId,
      },
    });
    assert.equal(answer.body.error, 'error_sign');
  });
});
