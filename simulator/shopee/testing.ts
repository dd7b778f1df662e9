import type { Answer, TestSimulator } from '../test-support.ts';
import { SP_DEFAULTS } from './control.ts';
import { shopeeSign } from './sign.ts';

/** What a signed Shopee call needs; defaults: the default partner and shop, the simulator's clock. */
export interface ShopeeCall {
  readonly token?: string;
  readonly shopId?: number;
  readonly partnerId?: number;
  readonly partnerKey?: string;
  /** Unix seconds; default: now on the simulator's clock. */
  readonly timestamp?: number;
  readonly query?: Record<string, string>;
  readonly json?: unknown;
  readonly multipart?: FormData;
  /** Replaces the computed sign (to test refusals). */
  readonly sign?: string;
  /** The request does not fit Shopee's request_params on purpose: the test's name (conformance ledger). */
  readonly expectInvalid?: string;
}

async function simulatorSeconds(sim: TestSimulator): Promise<number> {
  const clock = await sim.control('GET', '/clock');
  return Math.floor(Date.parse(clock.body.now) / 1000);
}

/** The signed query string of a call: public (no token) or shop-level (token + shop_id). */
export async function signedQuery(
  sim: TestSimulator,
  apiPath: string,
  call: ShopeeCall = {},
): Promise<string> {
  const partnerId = call.partnerId ?? SP_DEFAULTS.partnerId;
  const timestamp = call.timestamp ?? (await simulatorSeconds(sim));
  const shopLevel = call.token !== undefined;
  const shopId = call.shopId ?? SP_DEFAULTS.shopId;
  const tail = shopLevel ? `${call.token}${shopId}` : '';
  const sign =
    call.sign ??
    shopeeSign(call.partnerKey ?? SP_DEFAULTS.partnerKey, `${partnerId}${apiPath}${timestamp}${tail}`);
  const query = new URLSearchParams({ partner_id: String(partnerId), timestamp: String(timestamp), sign });
  if (shopLevel) {
    query.set('access_token', call.token!);
    query.set('shop_id', String(shopId));
  }
  for (const [key, value] of Object.entries(call.query ?? {})) query.set(key, value);
  return query.toString();
}

/** A signed call to the Shopee mount (`apiPath` as Shopee signs it, e.g. `/api/v2/product/update_stock`). */
export async function shopeeCall(
  sim: TestSimulator,
  method: string,
  apiPath: string,
  call: ShopeeCall = {},
): Promise<Answer> {
  const query = await signedQuery(sim, apiPath, call);
  return sim.call('shopee', method, `${apiPath}?${query}`, {
    json: call.json,
    multipart: call.multipart,
    ...(call.expectInvalid === undefined ? {} : { expectInvalid: call.expectInvalid }),
  });
}
