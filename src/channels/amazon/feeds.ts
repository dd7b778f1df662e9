/**
 * One JSON_LISTINGS_FEED, start to end [SPM feeds_2021-06-30]: createFeedDocument → upload the
 * JSON to the presigned URL (no token; it expires in 5 minutes) → createFeed → getFeed until
 * DONE/FATAL/CANCELLED → getFeedDocument → download the processing report.
 *
 * How a push waits: within the call, with a deadline. The sync engine records what a push
 * answers and has no later step that would read a report, so waiting is the only way an
 * accepted-then-rejected message becomes a sync error with Amazon's words. Polling is cheap
 * (getFeed allows 2/s) and Amazon itself allows one feed a minute, so nothing faster is lost by
 * waiting. Past the deadline (or when the report cannot be read) the feed is `unconfirmed`: its
 * items were sent and are reported `pending`, as a listings PATCH's ACCEPTED is.
 *
 * createFeed is not idempotent (a retried call after a lost answer makes a second feed); both
 * carry the same absolute values, so the cost is one submission of Amazon's quota.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import type {
  CreateFeedDocumentSpecification,
  CreateFeedSpecification,
  FeedDocument,
} from '@sp-api-sdk/feeds-api-2021-06-30';
import type { ChannelContext, Operation } from '../adapter.ts';
import type { ChannelError } from '../errors.ts';
import { FailureClass, isChannelError } from '../errors.ts';
import type { HttpRequest } from '../http-client.ts';
import { send } from '../http-client.ts';
import type { Json } from '../json.ts';
import { asArray, isObject, num, str } from '../json.ts';
import { withRetry } from '../retry.ts';
import type { AmApi, Seller } from './api.ts';
import type { AmIssue } from './errors.ts';
import { amChannelError, classifyAmazon, readIssues } from './errors.ts';
import { AM_FEEDS, AM_USER_AGENT } from './facts.ts';
import type { Patch } from './patches.ts';

const BASE = '/feeds/2021-06-30';
const GZIP: FeedDocument['compressionAlgorithm'] = 'GZIP';

/** [SPM schemas/feeds/listings-feed-schema-v2.json] one message (no SDK type exists for it). */
export interface FeedMessage {
  messageId: number;
  sku: string;
  operationType: 'PATCH' | 'UPDATE';
  productType: string;
  /** UPDATE only: what the attributes cover (default LISTING, the product type's full facts). */
  requirements?: 'LISTING' | 'LISTING_PRODUCT_ONLY' | 'LISTING_OFFER_ONLY' | undefined;
  patches?: Patch[] | undefined;
  attributes?: Json | undefined;
}

export type FeedOutcome =
  /**
   * Processed: each message's issues by messageId (none: accepted), and, when the feed asked for
   * them (`header.report.includedData`), each listing's attributes after processing, by SKU.
   */
  | { kind: 'done'; issues: Map<number, AmIssue[]>; items: Map<string, Json> }
  /** Amazon refused the whole feed: every message failed. */
  | { kind: 'failed'; error: ChannelError }
  /** Submitted, outcome unknown (still processing at the deadline, or no readable report). */
  | { kind: 'unconfirmed'; reason: string };

export async function runFeed(
  api: AmApi,
  ctx: ChannelContext,
  operation: Operation,
  seller: Seller,
  messages: FeedMessage[],
  /** [SPM listings-feed-schema-v2 `header.report`] ask the report for each listing's attributes. */
  withItems = false,
): Promise<FeedOutcome> {
  const header: Json = { sellerId: seller.sellerId, version: AM_FEEDS.version, issueLocale: 'en_US' };
  if (withItems) header.report = { includedData: ['attributes'], apiVersion: '2021-08-01' };
  const content = JSON.stringify({ header, messages });
  const document = await api.json(
    ctx,
    {
      sp: 'feeds.create_document',
      operation,
      method: 'POST',
      path: `${BASE}/documents`,
      json: { contentType: AM_FEEDS.contentType } satisfies CreateFeedDocumentSpecification,
    },
    'createFeedDocument',
  );
  await transfer(api, ctx, {
    method: 'PUT',
    url: urlOf(document),
    text: { contentType: AM_FEEDS.contentType, body: content },
  });
  // The feed type's own bucket (5 per 5 minutes) first, then createFeed's.
  await api.take(ctx, operation, 'feeds.json_listings');
  const created = await api.json(
    ctx,
    {
      sp: 'feeds.create',
      operation,
      method: 'POST',
      path: `${BASE}/feeds`,
      json: {
        feedType: AM_FEEDS.feedType,
        marketplaceIds: [seller.marketplaceId],
        inputFeedDocumentId: str(document.feedDocumentId) ?? '',
      } satisfies CreateFeedSpecification,
    },
    'createFeed',
  );
  const feedId = str(created.feedId);
  if (feedId === undefined) return { kind: 'unconfirmed', reason: 'createFeed answered without a feedId' };
  return settle(api, ctx, operation, feedId);
}

function urlOf(document: Json): string {
  const url = str(document.url);
  if (url === undefined) {
    throw amChannelError(FailureClass.transient, 'amazon.unexpected_body', 'the feed document has no URL');
  }
  return url;
}

/** A call to a presigned document URL: no token, no bucket, the context's retries. */
async function transfer(api: AmApi, ctx: ChannelContext, request: HttpRequest) {
  const once = async () => {
    const headers = { 'user-agent': AM_USER_AGENT, ...request.headers };
    const response = await send({ ...request, headers, timeoutMs: ctx.timeoutMs, signal: ctx.signal });
    if (response.status >= 200 && response.status < 300) return response;
    // S3's XML error, even when the body was read as bytes.
    const body = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.body;
    const error = classifyAmazon({ ...response, body }, request);
    // An expired URL (the process stalled past 5 minutes) is not the values' fault: a later push makes a new one.
    if (error.marketplaceCode === 'AccessDenied') {
      throw amChannelError(FailureClass.transient, 'amazon.document_url_expired', error.marketplaceMessage);
    }
    throw error;
  };
  return withRetry(once, ctx.retry ?? api.profile.retry, ctx.signal);
}

async function settle(
  api: AmApi,
  ctx: ChannelContext,
  operation: Operation,
  feedId: string,
): Promise<FeedOutcome> {
  try {
    const feed = await waitForFeed(api, ctx, operation, feedId);
    if (feed === undefined)
      return { kind: 'unconfirmed', reason: `feed ${feedId} still processing at the deadline` };
    const status = str(feed.processingStatus);
    if (status === 'CANCELLED') {
      return {
        kind: 'failed',
        error: amChannelError(
          FailureClass.transient,
          'amazon.feed_cancelled',
          `feed ${feedId} was cancelled`,
        ),
      };
    }
    const report = await readReport(api, ctx, operation, str(feed.resultFeedDocumentId));
    if (report === undefined) return { kind: 'unconfirmed', reason: `feed ${feedId}: no readable report` };
    if (status === 'FATAL') return { kind: 'failed', error: fatalError(feedId, report) };
    return { kind: 'done', issues: issuesByMessage(report), items: itemsBySku(report) };
  } catch (error) {
    // Submitted already: a failing poll does not make the values wrong, only unconfirmed.
    if (isChannelError(error) && error.failure !== FailureClass.auth) {
      return { kind: 'unconfirmed', reason: `feed ${feedId}: ${error.marketplaceMessage}` };
    }
    throw error;
  }
}

/** getFeed with growing waits until a final status; undefined at the deadline (or when aborted). */
async function waitForFeed(
  api: AmApi,
  ctx: ChannelContext,
  operation: Operation,
  feedId: string,
): Promise<Json | undefined> {
  const { firstPollMs, maxPollMs, deadlineMs } = api.feedWait;
  const deadline = Date.now() + deadlineMs;
  for (let wait = firstPollMs; ; wait = Math.min(maxPollMs, wait * 1.5)) {
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    const aborted = await sleep(Math.min(wait, left), false, { signal: ctx.signal }).catch(() => true);
    if (aborted) return undefined;
    const feed = await api.json(
      ctx,
      { sp: 'feeds.get', operation, method: 'GET', path: `${BASE}/feeds/${encodeURIComponent(feedId)}` },
      'getFeed',
    );
    const status = str(feed.processingStatus);
    if (status === 'DONE' || status === 'FATAL' || status === 'CANCELLED') return feed;
  }
}

async function readReport(
  api: AmApi,
  ctx: ChannelContext,
  operation: Operation,
  documentId: string | undefined,
): Promise<Json | undefined> {
  if (documentId === undefined) return undefined;
  const document = await api.json(
    ctx,
    {
      sp: 'feeds.get_document',
      operation,
      method: 'GET',
      path: `${BASE}/documents/${encodeURIComponent(documentId)}`,
    },
    'getFeedDocument',
  );
  const response = await transfer(api, ctx, { method: 'GET', url: urlOf(document), binary: true });
  return reportOf(response.body, document.compressionAlgorithm);
}

/**
 * [SPM FeedDocument.compressionAlgorithm] A report may come GZIP-compressed (the bytes at the
 * URL are the .gz; no Content-Encoding unless asked): decompressed here. An algorithm Cais does
 * not know leaves the feed unconfirmed rather than misread.
 */
function reportOf(body: unknown, algorithm: unknown): Json | undefined {
  if (!Buffer.isBuffer(body)) return undefined;
  let bytes: Buffer = body;
  if (algorithm === GZIP) {
    try {
      bytes = gunzipSync(body);
    } catch {
      return undefined;
    }
  } else if (algorithm !== undefined) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** [SPM listings-feed-processing-report-schema-v2] `issues[{messageId, code, severity, message}]`. */
function issuesByMessage(report: Json): Map<number, AmIssue[]> {
  const byMessage = new Map<number, AmIssue[]>();
  for (const raw of asArray(report.issues).filter(isObject)) {
    const messageId = num(raw.messageId);
    if (messageId === undefined) continue;
    const [issue] = readIssues([{ ...raw, categories: [] }]);
    byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), issue!]);
  }
  return byMessage;
}

/** [SPM processing report `items`] the listings after processing, when the feed asked for them. */
function itemsBySku(report: Json): Map<string, Json> {
  const items = new Map<string, Json>();
  for (const item of asArray(report.items).filter(isObject)) {
    const sku = str(item.sku);
    if (sku !== undefined) items.set(sku, item);
  }
  return items;
}

/** The whole feed was refused (a malformed document, say): a passing failure, retried later. */
function fatalError(feedId: string, report: Json): ChannelError {
  const first = readIssues(report.issues)[0];
  return amChannelError(
    FailureClass.transient,
    'amazon.feed_fatal',
    first?.message ?? `feed ${feedId} could not be processed`,
    { marketplaceCode: first?.code },
  );
}
