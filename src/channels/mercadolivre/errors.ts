/**
 * Mercado Livre's error bodies → ChannelError. [doc] every error is
 * `{message, error, status, cause[]}`; a validation error lists `cause[]` entries whose `code`
 * (e.g. `item.available_quantity.not_modifiable`) becomes Cais's stable code `ml.<code>`, and
 * whose `message` is kept verbatim for the seller.
 */
import { ChannelError, FailureClass, failureForStatus } from '../errors.ts';
import type { HttpRequest, HttpResponse } from '../http-client.ts';
import { retryAfterMs } from '../http-client.ts';

interface MlCause {
  code?: unknown;
  message?: unknown;
  type?: unknown;
}

interface MlBody {
  message?: unknown;
  error?: unknown;
  error_description?: unknown;
  cause?: unknown;
}

/** [2nd] token endpoint errors that mean the grant (not the request) is gone. */
const GRANT_ERRORS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_scope']);

/** [2nd] a token without the scope or permission an endpoint needs. */
const POLICY_DENIAL = 'PA_UNAUTHORIZED_RESULT_FROM_POLICIES';

export const HINTS: Record<string, string> = {
  'ml.item.available_quantity.not_modifiable':
    'This listing is in Mercado Livre Full, so Mercado Livre manages its stock. Stop syncing its stock, or take it out of Full.',
  'ml.item.variations.available_quantity.not_modifiable':
    'This listing is in Mercado Livre Full, so Mercado Livre manages its stock. Stop syncing its stock, or take it out of Full.',
  'ml.item.price.not_modifiable':
    'Price automation is on for this listing in Mercado Livre. Turn it off there to let Cais set the price.',
  'ml.item.status.not_modifiable':
    'The listing is closed in Mercado Livre and can no longer change. Publish the product again or unlink it.',
  'ml.item.available_quantity.invalid':
    'The listing has variations: link each variation SKU of the product to its variation.',
  'ml.item.variations.id.invalid':
    'The variation no longer exists in Mercado Livre. Link the SKU again to its current variation.',
  'ml.variation_not_found':
    'The variation no longer exists in Mercado Livre. Link the SKU again to its current variation.',
  'ml.store_required':
    'This Mercado Livre account keeps stock per warehouse: set the warehouse Cais writes to (the store id, credentials.extra.storeId) on the connection.',
  'ml.variation_attribute_unknown':
    'Name the variation attributes as the Mercado Livre category does (for example Tamanho or Cor) in the ERP, or choose another category.',
  'ml.not_found': 'The listing no longer exists in Mercado Livre. Link the SKU again or publish it.',
  'ml.forbidden': 'The listing belongs to another Mercado Livre account. Check which account is connected.',
  'ml.invalid_token': 'Reconnect the Mercado Livre account: its authorization expired or was revoked.',
  'ml.invalid_grant': 'Reconnect the Mercado Livre account: its authorization expired or was revoked.',
  'ml.unauthorized_policies':
    'The Mercado Livre app lacks a permission for this call. Reconnect the account and accept every permission.',
};

export const CLASS_HINTS: Record<FailureClass, string> = {
  transient: 'Mercado Livre is failing for now; Cais retries on its own.',
  rate_limited: 'Mercado Livre asked Cais to slow down; Cais waits and retries.',
  auth: 'Reconnect the Mercado Livre account.',
  permanent: 'Fix the value in your ERP or the listing in Mercado Livre, then sync again.',
};

export function mlChannelError(
  failure: FailureClass,
  code: string,
  message: string,
  extra: { httpStatus?: number; marketplaceCode?: string; retryAfterMs?: number; hint?: string } = {},
): ChannelError {
  return new ChannelError(failure, {
    code,
    marketplaceMessage: message,
    marketplaceCode: extra.marketplaceCode,
    httpStatus: extra.httpStatus,
    retryAfterMs: extra.retryAfterMs,
    hint: extra.hint ?? HINTS[code] ?? CLASS_HINTS[failure],
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The first blocking cause (ML lists warnings too), else the first cause with a code. */
function mainCause(body: MlBody): MlCause | undefined {
  if (!Array.isArray(body.cause)) return undefined;
  const causes = body.cause.filter((entry): entry is MlCause => typeof entry === 'object' && entry !== null);
  return (
    causes.find((cause) => cause.type === 'error' && text(cause.code)) ?? causes.find((c) => text(c.code))
  );
}

/** Classifies any answer of the ML API (items, orders, shipments, promotions, oauth). */
export function classifyMl(response: HttpResponse, request: HttpRequest): ChannelError {
  const { status } = response;
  const body: MlBody = typeof response.body === 'object' && response.body !== null ? response.body : {};
  const error = text(body.error);
  const message =
    text(body.message) ??
    text(body.error_description) ??
    (typeof response.body === 'string' && response.body !== '' ? response.body : undefined) ??
    `${request.method} ${new URL(request.url).pathname} answered HTTP ${status}`;
  const extra = { httpStatus: status, marketplaceCode: error, retryAfterMs: retryAfterMs(response.headers) };

  if (status === 401) return mlChannelError(FailureClass.auth, 'ml.invalid_token', message, extra);
  if (error !== undefined && GRANT_ERRORS.has(error)) {
    return mlChannelError(FailureClass.auth, 'ml.invalid_grant', message, extra);
  }
  if (status === 403 && (error === POLICY_DENIAL || message.includes(POLICY_DENIAL))) {
    return mlChannelError(FailureClass.auth, 'ml.unauthorized_policies', message, extra);
  }
  const failure = failureForStatus(status);
  if (failure === FailureClass.permanent) {
    const cause = mainCause(body);
    const causeCode = text(cause?.code);
    if (causeCode !== undefined) {
      const causeMessage = text(cause?.message) ?? message;
      return mlChannelError(failure, `ml.${causeCode}`, causeMessage, {
        ...extra,
        marketplaceCode: causeCode,
      });
    }
  }
  const code = error !== undefined ? `ml.${error}` : `ml.http_${status}`;
  return mlChannelError(failure, code, message, extra);
}
