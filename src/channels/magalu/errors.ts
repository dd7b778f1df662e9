/**
 * Magalu's error bodies → ChannelError. [2nd: integrators reading the published OpenAPI specs;
 * the "Estrutura de erros" page was not retrieved] the API answers
 * `{slug, message, details[{field, location, slug, message}]}`; ID Magalu's token endpoint
 * answers RFC 6749 `{error, error_description}`. Cais's code is `magalu.<slug>` in lower case,
 * the most precise slug first (a detail's, unless it is the generic INVALID). Every answer
 * carries X-Request-Id [doc], which Magalu's support asks for: the hint quotes it.
 */
import { ChannelError, FailureClass, failureForStatus } from '../errors.ts';
import type { HttpRequest, HttpResponse } from '../http-client.ts';
import { retryAfterMs } from '../http-client.ts';
import type { Json } from '../json.ts';
import { asArray, isObject, str } from '../json.ts';

const GRANT_ERRORS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_scope']);

const SKU_FIELDS_HINT =
  'Magalu needs a description and a brand on every SKU: send them from your ERP (product.description, product.brand); Cais publishes on the next catalog run.';

export const HINTS: Record<string, string> = {
  'magalu.price_above_list_price':
    'The sale price is above the regular price. Fix the promotional price in your ERP or the price rules.',
  'magalu.description_required': SKU_FIELDS_HINT,
  'magalu.brand_required': SKU_FIELDS_HINT,
  'magalu.not_found': 'The SKU does not exist in your Magalu catalog. Link the product again or publish it.',
  'magalu.unauthorized': 'Reconnect the Magalu account: its authorization expired or was revoked.',
  'magalu.invalid_grant': 'Reconnect the Magalu account: its authorization expired or was revoked.',
  'magalu.invalid_client':
    'The Magalu app credentials were refused. Check the client id and secret, then reconnect.',
  'magalu.forbidden':
    'The Magalu authorization lacks a permission. Reconnect the account and accept every scope.',
};

export const CLASS_HINTS: Record<FailureClass, string> = {
  transient: 'Magalu is failing for now; Cais retries on its own.',
  rate_limited: 'Magalu asked Cais to slow down; Cais waits and retries.',
  auth: 'Reconnect the Magalu account.',
  permanent: 'Fix the value in your ERP or the SKU in Magalu, then sync again.',
};

export function mgChannelError(
  failure: FailureClass,
  code: string,
  message: string,
  extra: {
    httpStatus?: number;
    marketplaceCode?: string;
    retryAfterMs?: number;
    requestId?: string;
    hint?: string;
  } = {},
): ChannelError {
  const hint = extra.hint ?? HINTS[code] ?? CLASS_HINTS[failure];
  return new ChannelError(failure, {
    code,
    marketplaceMessage: message,
    marketplaceCode: extra.marketplaceCode,
    httpStatus: extra.httpStatus,
    retryAfterMs: extra.retryAfterMs,
    hint: extra.requestId === undefined ? hint : `${hint} (Magalu X-Request-Id: ${extra.requestId})`,
  });
}

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The message, then any detail that says more than it, each as `field: message`. */
function messageOf(body: Json, details: Json[]): string | undefined {
  const message = str(body.message) ?? str(body.error_description);
  const more = details
    .map((entry) => ({ field: str(entry.field), text: str(entry.message) }))
    .filter((entry) => entry.text !== undefined && entry.text !== message)
    .map((entry) => (entry.field ? `${entry.field}: ${entry.text}` : entry.text));
  if (message === undefined) return more.length > 0 ? more.join('; ') : undefined;
  return more.length > 0 ? `${message} (${more.join('; ')})` : message;
}

function slugOf(body: Json, details: Json[]): string | undefined {
  const precise = details
    .map((entry) => str(entry.slug))
    .find((slug) => slug !== undefined && slug !== 'INVALID');
  return precise ?? str(body.slug) ?? str(body.error);
}

export function classifyMagalu(response: HttpResponse, request: HttpRequest): ChannelError {
  const { status } = response;
  const body: Json = isObject(response.body) ? response.body : {};
  const details = asArray(body.details).filter(isObject);
  const slug = slugOf(body, details);
  const message =
    messageOf(body, details) ??
    (typeof response.body === 'string' && response.body !== '' ? response.body : undefined) ??
    `${request.method} ${new URL(request.url).pathname} answered HTTP ${status}`;
  const extra = {
    httpStatus: status,
    marketplaceCode: slug,
    retryAfterMs: retryAfterMs(response.headers),
    requestId: header(response, 'x-request-id'),
  };
  const error = str(body.error);
  if (error !== undefined && GRANT_ERRORS.has(error)) {
    const code = error === 'invalid_client' ? 'magalu.invalid_client' : 'magalu.invalid_grant';
    return mgChannelError(FailureClass.auth, code, message, extra);
  }
  if (status === 401) {
    // [2nd] the gateway says why in x-authorization-error ("Token expired.", "Invalid token.").
    const reason = header(response, 'x-authorization-error');
    return mgChannelError(FailureClass.auth, 'magalu.unauthorized', reason ?? message, extra);
  }
  // A missing scope: a refresh keeps the same scopes, so only a new consent helps.
  if (status === 403) return mgChannelError(FailureClass.auth, 'magalu.forbidden', message, extra);
  const code = `magalu.${(slug ?? `http_${status}`).toLowerCase()}`;
  return mgChannelError(failureForStatus(status), code, message, extra);
}
