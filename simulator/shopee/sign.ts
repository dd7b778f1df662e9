import { createHmac } from 'node:crypto';
import type { SpFailure } from './errors.ts';
import { SP_AUTH, SP_ERRORS } from './facts.ts';
import type { SpPartner } from './model.ts';
import type { SpStore } from './store.ts';

/**
 * `sign = hex(HMAC-SHA256(partner_key, partner_id + api_path + timestamp [+ access_token + shop_id]))`,
 * lowercase [doc]. `api_path` is the path without host or query, e.g. `/api/v2/product/update_stock`.
 */
export function shopeeSign(partnerKey: string, base: string): string {
  return createHmac('sha256', partnerKey).update(base).digest('hex');
}

type Query = Record<string, string | undefined>;

/**
 * Checks the common parameters of every call: partner_id, a timestamp within 5 minutes, and the
 * sign over `partner_id + api_path + timestamp + tail` (tail: `access_token + shop_id` on shop
 * APIs, empty on public ones). Answers the partner or the failure, in Shopee's order of checks.
 */
export function checkSigned(
  store: SpStore,
  query: Query,
  apiPath: string,
  nowS: number,
  tail: string,
): SpPartner | SpFailure {
  const partnerText = query.partner_id;
  if (partnerText === undefined || partnerText === '') return SP_ERRORS.noPartner;
  const partner = /^\d+$/.test(partnerText) ? store.partners.get(Number(partnerText)) : undefined;
  if (partner === undefined) return SP_ERRORS.badPartner;
  const timestamp = query.timestamp;
  if (timestamp === undefined || timestamp === '') return SP_ERRORS.noTimestamp;
  // [unverified] the window is symmetric: a clock 5 minutes ahead is refused too.
  if (!/^\d+$/.test(timestamp) || Math.abs(nowS - Number(timestamp)) > SP_AUTH.timestampWindowS) {
    return SP_ERRORS.badTimestamp;
  }
  const sign = query.sign;
  if (sign === undefined || sign === '') return SP_ERRORS.noSign;
  if (sign !== shopeeSign(partner.key, `${partnerText}${apiPath}${timestamp}${tail}`))
    return SP_ERRORS.wrongSign;
  return partner;
}
