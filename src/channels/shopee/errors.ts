/**
 * Shopee's answers → ChannelError. Every answer is `{error, message, request_id, response}`
 * [2nd]; `error === ""` is success and **failures mostly come back as HTTP 200**, so the class
 * comes from `error`, never from the status. A module prefix (`product.error_param`) is dropped
 * for Cais's code (`shopee.error_param`) and kept as the marketplace's code. The request_id goes
 * into the hint: Shopee's support asks for it.
 */
import { ChannelError, FailureClass, failureForStatus } from '../errors.ts';
import type { HttpRequest, HttpResponse } from '../http-client.ts';
import { retryAfterMs } from '../http-client.ts';
import type { Json } from '../json.ts';
import { isObject, str } from '../json.ts';
import { SP_AUTH_ERROR_MESSAGES, SP_DAILY_RESET_OFFSET_MS, SP_ERROR_CLASSES } from './facts.ts';

export const HINTS: Record<string, string> = {
  'shopee.error_sign': 'Shopee refused the signature: check the partner id and partner key, then reconnect.',
  'shopee.invalid_acceess_token': 'Reconnect the Shopee shop: its authorization expired or was revoked.',
  'shopee.error_auth': 'Reconnect the Shopee shop: the authorization does not cover this shop or partner.',
  'shopee.error_item_not_found':
    'The item does not exist in your Shopee shop. Link the product to the right item.',
  'shopee.invalid_timestamp':
    "Shopee refused the request's time: the server's clock is more than 5 minutes off. Fix the clock.",
  'shopee.price_locked_by_promotion':
    'The item is in a Shopee promotion, which locks its price. Take it out of the promotion in Seller Centre, or wait until it ends.',
  'shopee.stock_below_reserved':
    'Open Shopee orders hold more units than the stock sent. Ship or cancel them, or send more stock.',
  'shopee.holiday_mode':
    'The Shopee shop is in holiday mode, which blocks edits. Turn holiday mode off in Seller Centre; the next sync sends the values.',
  'shopee.location_id_missing':
    "The Shopee shop has several warehouses and Shopee needs to know which one the stock is for. Set the warehouse's location_id on the connection (extra.locationId).",
  'shopee.location_id_refused':
    "Shopee refused the warehouse (location_id) the stock was sent to. Check the connection's extra.locationId against the shop's warehouses.",
  'shopee.refused':
    'Shopee refused this change for this item. Read Shopee’s message, fix it in Seller Centre or in your ERP, then sync again.',
  'shopee.main_account_many_shops':
    'The Shopee main account authorised several shops at once. Connect each shop on its own connection: authorise one shop at a time.',
  'shopee.error_price_agp_too_large':
    "Shopee refuses variations whose highest price is more than 4 times the lowest. Fix the variations' prices.",
};

export const CLASS_HINTS: Record<FailureClass, string> = {
  transient: 'Shopee is failing for now; Cais retries on its own.',
  rate_limited: 'Shopee asked Cais to slow down; Cais waits and retries.',
  auth: 'Reconnect the Shopee shop.',
  permanent: 'Fix the value in your ERP or the item in Shopee Seller Centre, then sync again.',
};

export function spChannelError(
  failure: FailureClass,
  code: string,
  message: string,
  extra: {
    httpStatus?: number | undefined;
    marketplaceCode?: string | undefined;
    retryAfterMs?: number | undefined;
    requestId?: string | undefined;
    hint?: string | undefined;
  } = {},
): ChannelError {
  const hint = extra.hint ?? HINTS[code] ?? CLASS_HINTS[failure];
  return new ChannelError(failure, {
    code,
    marketplaceMessage: message,
    marketplaceCode: extra.marketplaceCode,
    httpStatus: extra.httpStatus,
    retryAfterMs: extra.retryAfterMs,
    hint: extra.requestId ? `${hint} (Shopee request_id: ${extra.requestId})` : hint,
  });
}

/** `product.error_param` → `error_param`. */
export function bareCode(code: string): string {
  return code.slice(code.lastIndexOf('.') + 1);
}

function classOf(code: string, message: string): FailureClass {
  const has = (list: readonly string[]) => list.includes(code);
  if (code === 'error_auth') return authErrorClass(message);
  if (has(SP_ERROR_CLASSES.auth)) return FailureClass.auth;
  if (has(SP_ERROR_CLASSES.rateLimited)) return FailureClass.rate_limited;
  if (has(SP_ERROR_CLASSES.transient)) return FailureClass.transient;
  // A clock that drifted: the operator fixes it, and the same values go through then.
  if (code === 'error_param' && /timestamp/i.test(message)) return FailureClass.transient;
  return FailureClass.permanent;
}

/** S2: `error_auth` by its message; see SP_AUTH_ERROR_MESSAGES. */
function authErrorClass(message: string): FailureClass {
  if (SP_AUTH_ERROR_MESSAGES.passing.some((pattern) => pattern.test(message))) return FailureClass.transient;
  if (SP_AUTH_ERROR_MESSAGES.connection.some((pattern) => pattern.test(message))) return FailureClass.auth;
  return FailureClass.permanent;
}

/** A business `error_auth`'s own Cais code, so its hint says what to do. */
function authErrorCode(message: string): string {
  const rules = SP_AUTH_ERROR_MESSAGES;
  if (rules.holidayMode.test(message)) return 'shopee.holiday_mode';
  if (rules.missingLocation.test(message)) return 'shopee.location_id_missing';
  if (rules.wrongLocation.test(message)) return 'shopee.location_id_refused';
  if (rules.belowReserved.test(message)) return 'shopee.stock_below_reserved';
  return 'shopee.refused';
}

/** Until 00:00 UTC+8, when the daily quota resets. */
export function untilDailyReset(now = Date.now()): number {
  const day = 86_400_000;
  return day - ((now + SP_DAILY_RESET_OFFSET_MS) % day);
}

/** The envelope's failure; undefined when `error` is empty (success). */
export function envelopeError(
  body: Json,
  status: number,
  headers: HttpResponse['headers'],
): ChannelError | undefined {
  const raw = str(body.error);
  if (raw === undefined || raw === '') return undefined;
  const code = bareCode(raw);
  const message = str(body.message) || raw;
  const failure = classOf(code, message);
  const cais =
    code === 'error_param' && /timestamp/i.test(message)
      ? 'shopee.invalid_timestamp'
      : code === 'error_auth' && failure === FailureClass.permanent
        ? authErrorCode(message)
        : `shopee.${code}`;
  let hint: string | undefined;
  if (code === 'error_limit') {
    const hours = Math.ceil(untilDailyReset() / 3_600_000);
    hint = `Shopee's daily call quota for this shop is spent; it resets at 00:00 UTC+8 (in about ${hours} h). Cais waits and retries.`;
  }
  return spChannelError(failure, cais, message, {
    httpStatus: status,
    marketplaceCode: raw,
    retryAfterMs: retryAfterMs(headers),
    requestId: str(body.request_id),
    hint,
  });
}

/** A non-2xx answer: the envelope when there is one, the status otherwise. */
export function classifyShopee(response: HttpResponse, request: HttpRequest): ChannelError {
  const body = isObject(response.body) ? response.body : {};
  const fromEnvelope = envelopeError(body, response.status, response.headers);
  // A 5xx is passing whatever its body says.
  if (fromEnvelope !== undefined && response.status < 500) return fromEnvelope;
  const message =
    fromEnvelope?.marketplaceMessage ??
    `${request.method} ${new URL(request.url).pathname} answered HTTP ${response.status}`;
  return spChannelError(
    failureForStatus(response.status),
    fromEnvelope?.code ?? `shopee.http_${response.status}`,
    message,
    {
      httpStatus: response.status,
      marketplaceCode: str(body.error),
      retryAfterMs: retryAfterMs(response.headers),
      requestId: str(body.request_id),
    },
  );
}

/** A 2xx whose envelope says it failed. */
export function failureOfShopee(response: HttpResponse): ChannelError | undefined {
  if (!isObject(response.body)) return undefined;
  return envelopeError(response.body, response.status, response.headers);
}

export function isRefusedToken(error: ChannelError): boolean {
  const code = bareCode(error.marketplaceCode ?? '');
  if ((SP_ERROR_CLASSES.refusedToken as readonly string[]).includes(code)) return true;
  return code === 'error_auth' && /access[_ ]?token/i.test(error.marketplaceMessage);
}
