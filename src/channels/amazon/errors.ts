/**
 * Amazon's error bodies → ChannelError. [SPM] every SP-API error is
 * `{"errors":[{code, message, details}]}`; LWA's token endpoint answers RFC 6749
 * `{error, error_description}`; presigned document URLs answer S3's XML `<Error><Code>…`.
 * A listing write Amazon refuses comes as `status: "INVALID"` with `issues[]`, each kept verbatim.
 * Every answer carries `x-amzn-RequestId`, which Amazon's support asks for: the hint quotes it.
 */
import { ChannelError, FailureClass, failureForStatus } from '../errors.ts';
import type { HttpRequest, HttpResponse } from '../http-client.ts';
import { retryAfterMs } from '../http-client.ts';
import type { Json } from '../json.ts';
import { asArray, isObject, str } from '../json.ts';
import { AM_BLOCKING_SEVERITY } from './facts.ts';

const GRANT_ERRORS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_scope']);

export const HINTS: Record<string, string> = {
  'amazon.unauthorized':
    'Amazon refused the authorisation. Reconnect the Amazon account (authorise the app again in Seller Central).',
  'amazon.invalid_grant':
    'The Amazon refresh token was refused: the app was de-authorised. Authorise it again in Seller Central.',
  'amazon.invalid_client': 'The LWA client id or secret was refused. Check them, then reconnect.',
  'amazon.not_found':
    'The SKU does not exist in your Amazon catalog (for this marketplace). Link the product to the right SKU.',
  'amazon.no_seller_id':
    'Give the connection your selling partner id (Seller Central › Settings › Account Info › Merchant Token).',
  'amazon.sku_path_refused':
    "Amazon's Listings API refuses SKUs holding '/' or '#'. Use a SKU without those characters for this listing.",
  'amazon.product_type_needed':
    "Send the product's EAN from the ERP (Cais then offers it on the Amazon product it matches), or set the connection's extra.productType to the Amazon product type of your catalog.",
  'amazon.sale_price_kept':
    'Amazon kept the sale price after accepting its removal. Remove it in Seller Central (Manage Pricing); Cais keeps sending the regular price.',
};

export const CATEGORY_HINTS: Record<string, string> = {
  INVALID_PRICE:
    'Amazon refused the price. Fix the price or the promotional price in your ERP or the price rules.',
  MISSING_ATTRIBUTE: 'The Amazon listing lacks a required attribute. Complete it in Seller Central.',
  INVALID_ATTRIBUTE: 'Amazon refused a value. Fix it in your ERP, or the listing in Seller Central.',
};

export const CLASS_HINTS: Record<FailureClass, string> = {
  transient: 'Amazon is failing for now; Cais retries on its own.',
  rate_limited: 'Amazon asked Cais to slow down; Cais waits and retries.',
  auth: 'Reconnect the Amazon account.',
  permanent: 'Fix the value in your ERP or the listing in Seller Central, then sync again.',
};

export function amChannelError(
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
    hint: extra.requestId === undefined ? hint : `${hint} (Amazon x-amzn-RequestId: ${extra.requestId})`,
  });
}

/** `QuotaExceeded` → `quota_exceeded`, `NOT_FOUND` → `not_found`. */
function snake(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** S3's XML error of a presigned document URL: `<Code>` and `<Message>`. */
function s3Error(text: string): { code: string; message: string } | undefined {
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  if (code === undefined) return undefined;
  return { code, message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? code };
}

export function classifyAmazon(response: HttpResponse, request: HttpRequest): ChannelError {
  const { status } = response;
  const body: Json = isObject(response.body) ? response.body : {};
  const entry = asArray(body.errors).find(isObject);
  const extra = {
    httpStatus: status,
    retryAfterMs: retryAfterMs(response.headers),
    requestId: header(response, 'x-amzn-requestid'),
  };
  const grant = str(body.error);
  if (grant !== undefined) {
    const message = str(body.error_description) ?? grant;
    const failure = GRANT_ERRORS.has(grant) ? FailureClass.auth : failureForStatus(status);
    const code = grant === 'invalid_client' ? 'amazon.invalid_client' : `amazon.${snake(grant)}`;
    return amChannelError(failure, code, message, { ...extra, marketplaceCode: grant });
  }
  const s3 = typeof response.body === 'string' ? s3Error(response.body) : undefined;
  const code = str(entry?.code) ?? s3?.code;
  const details = str(entry?.details);
  const message =
    [str(entry?.message) ?? s3?.message, details === '' ? undefined : details]
      .filter((part) => part !== undefined)
      .join(' ') || `${request.method} ${new URL(request.url).pathname} answered HTTP ${status}`;
  // [2nd] a missing, expired or revoked token, or one for another seller, is 403 Unauthorized.
  const failure = status === 403 && code === 'Unauthorized' ? FailureClass.auth : failureForStatus(status);
  const cais = `amazon.${snake(code ?? `http_${status}`)}`;
  return amChannelError(failure, cais, message, { ...extra, marketplaceCode: code });
}

export interface AmIssue {
  code: string;
  message: string;
  severity: string;
  categories: string[];
}

export function readIssues(value: unknown): AmIssue[] {
  return asArray(value)
    .filter(isObject)
    .map((entry) => ({
      code: str(entry.code) ?? '',
      message: str(entry.message) ?? '',
      severity: str(entry.severity) ?? AM_BLOCKING_SEVERITY,
      categories: asArray(entry.categories).flatMap((c) => (typeof c === 'string' ? [c] : [])),
    }));
}

/**
 * The permanent error of a refused submission: every blocking issue's message verbatim, the
 * first one's code as Cais's (`amazon.issue.<code>`), since sellers search Amazon's help by it.
 */
export function issuesError(issues: readonly AmIssue[]): ChannelError | undefined {
  const blocking = issues.filter((issue) => issue.severity === AM_BLOCKING_SEVERITY);
  const first = blocking[0];
  if (first === undefined) return undefined;
  const category = first.categories.find((name) => CATEGORY_HINTS[name] !== undefined);
  return amChannelError(
    FailureClass.permanent,
    `amazon.issue.${first.code || 'unknown'}`,
    blocking.map((issue) => issue.message).join('; '),
    { marketplaceCode: first.code, hint: category === undefined ? undefined : CATEGORY_HINTS[category] },
  );
}
