import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { expectedInvalidBy } from '../core/conformance.ts';
import { callerOf } from '../core/guard.ts';
import { checker } from '../core/validate.ts';
import type { AmDeps } from './deps.ts';
import { logAmWrite, settle } from './deps.ts';
import type { AmError } from './errors.ts';
import { AM_TOO_MANY_REQUESTS, amInvalidInput, amNotFound, sendAmError } from './errors.ts';
import { AM_FEEDS } from './facts.ts';
import { processFeed } from './feed-process.ts';
import { newDocument } from './listing-build.ts';
import type { AmFeed, FeedStatus } from './model.ts';
import { iso } from './model.ts';
import { bodyError, FeedBody, FeedDocumentBody, queryList } from './schemas.ts';
import { getFeedsDescriptionIssues, judgeAm } from './spec.ts';
import { presign } from './uploads.ts';

const check = { document: checker(FeedDocumentBody), feed: checker(FeedBody) };
const BASE = '/feeds/2021-06-30';

/** IN_QUEUE and IN_PROGRESS are read from the clock; the outcome is set when the feed is processed. */
export function feedStatus(feed: AmFeed, now: number): FeedStatus {
  if (feed.outcome !== null) return feed.outcome;
  return now < feed.startMs ? 'IN_QUEUE' : 'IN_PROGRESS';
}

/** [SPM] `Feed`: times appear once reached; the result document once processed. */
export function feedBody(feed: AmFeed, now: number) {
  const status = feedStatus(feed, now);
  const body: Record<string, unknown> = {
    feedId: feed.feedId,
    feedType: feed.feedType,
    marketplaceIds: feed.marketplaceIds,
    createdTime: iso(feed.createdMs),
    processingStatus: status,
  };
  if (status !== 'IN_QUEUE' && status !== 'CANCELLED') body.processingStartTime = iso(feed.startMs);
  if (status === 'DONE' || status === 'FATAL') {
    body.processingEndTime = iso(feed.doneMs);
    body.resultFeedDocumentId = feed.resultFeedDocumentId;
  }
  return body;
}

/** `POST /feeds/2021-06-30/documents` → 201 `{feedDocumentId, url}` [SPM]. */
function createDocument(deps: AmDeps, request: FastifyRequest, reply: FastifyReply) {
  judgeAm(deps.conformance, request, 'feeds.create_document', 'feeds.createFeedDocument');
  if (!check.document.check(request.body))
    return sendAmError(reply, bodyError(check.document.issues(request.body)));
  const document = newDocument(deps.store, callerOf(request).sellerId, request.body.contentType);
  return reply.code(201).send({ feedDocumentId: document.id, url: presign(deps, request, document) });
}

function feedRefusal(deps: AmDeps, request: FastifyRequest): AmError | null {
  const body = request.body;
  judgeAm(deps.conformance, request, 'feeds.create', 'feeds.createFeed');
  if (!check.feed.check(body)) return bodyError(check.feed.issues(body));
  const seller = deps.store.sellers.get(callerOf(request).sellerId);
  if (!(AM_FEEDS.feedTypes as readonly string[]).includes(body.feedType))
    return amInvalidInput(`Unsupported feedType ${body.feedType}.`);
  if (body.marketplaceIds.length > AM_FEEDS.maxMarketplaces) {
    return amInvalidInput(`marketplaceIds holds at most ${AM_FEEDS.maxMarketplaces} ids.`);
  }
  const foreign = body.marketplaceIds.filter((id) => !seller?.marketplaceIds.includes(id));
  if (foreign.length > 0) return amInvalidInput(`Invalid marketplaceIds: ${foreign.join(', ')}.`);
  const document = deps.store.documents.get(body.inputFeedDocumentId);
  if (document === undefined || document.sellerId !== seller?.id) {
    return amInvalidInput(`Invalid inputFeedDocumentId ${body.inputFeedDocumentId}.`);
  }
  return null;
}

/** `POST /feeds/2021-06-30/feeds` → 202 `{feedId}` [SPM]; processed after the queue and processing delays. */
function createFeed(deps: AmDeps, request: FastifyRequest, reply: FastifyReply) {
  const grant = callerOf(request);
  const refusal = feedRefusal(deps, request);
  if (refusal !== null) {
    logAmWrite(deps, 'feeds.create', grant.sellerId, '', refusal.status, request.body);
    return sendAmError(reply, refusal);
  }
  const now = deps.clock.now();
  // [doc] JSON_LISTINGS_FEED has its own throttle on top of createFeed's: 5 per 5 minutes.
  if (deps.limits.take(grant, 'feeds.json_listings', now) > 0)
    return sendAmError(reply, AM_TOO_MANY_REQUESTS);
  const body = request.body as { feedType: string; marketplaceIds: string[]; inputFeedDocumentId: string };
  const startMs = now + deps.settings.feedQueueMs;
  const feed: AmFeed = {
    feedId: String(deps.store.nextId('feed')),
    sellerId: grant.sellerId,
    feedType: body.feedType,
    marketplaceIds: body.marketplaceIds,
    inputFeedDocumentId: body.inputFeedDocumentId,
    createdMs: now,
    startMs,
    doneMs: startMs + deps.settings.feedProcessingMs,
    outcome: null,
    resultFeedDocumentId: null,
    expectedInvalidBy: expectedInvalidBy(request),
  };
  deps.store.feeds.set(feed.feedId, feed);
  deps.store.documents.get(body.inputFeedDocumentId)!.usedBy = feed.feedId;
  logAmWrite(deps, 'feeds.create', grant.sellerId, feed.feedId, 202, body);
  deps.later.feeds.push({ dueAt: feed.doneMs, apply: () => processFeed(deps, feed) });
  settle(deps);
  return reply.code(202).send({ feedId: feed.feedId });
}

type FeedRequest = FastifyRequest<{ Params: { feedId: string } }>;

function ownFeed(deps: AmDeps, request: FeedRequest): AmFeed | AmError {
  const feed = deps.store.feeds.get(request.params.feedId);
  if (feed === undefined || feed.sellerId !== callerOf(request).sellerId) {
    return amNotFound(`Feed ${request.params.feedId} not found.`);
  }
  return feed;
}

function getFeed(deps: AmDeps, request: FeedRequest, reply: FastifyReply) {
  settle(deps);
  judgeAm(deps.conformance, request, 'feeds.get', 'feeds.getFeed');
  const feed = ownFeed(deps, request);
  if ('status' in feed) return sendAmError(reply, feed);
  return reply.send(feedBody(feed, deps.clock.now()));
}

/** `DELETE …/feeds/{feedId}` [SPM]: only while IN_QUEUE. */
function cancelFeed(deps: AmDeps, request: FeedRequest, reply: FastifyReply) {
  settle(deps);
  judgeAm(deps.conformance, request, 'feeds.cancel', 'feeds.cancelFeed');
  const feed = ownFeed(deps, request);
  if ('status' in feed) return sendAmError(reply, feed);
  if (feedStatus(feed, deps.clock.now()) !== 'IN_QUEUE') {
    return sendAmError(reply, amInvalidInput(`Feed ${feed.feedId} is not IN_QUEUE and cannot be cancelled.`));
  }
  feed.outcome = 'CANCELLED';
  return reply.code(200).send();
}

/** `GET …/documents/{id}` [SPM]: a fresh presigned download URL (the report, or an input). */
function getDocument(deps: AmDeps, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  settle(deps);
  judgeAm(deps.conformance, request, 'feeds.get_document', 'feeds.getFeedDocument');
  const document = deps.store.documents.get(request.params.id);
  if (document === undefined || document.sellerId !== callerOf(request).sellerId) {
    return sendAmError(reply, amNotFound(`Feed document ${request.params.id} not found.`));
  }
  const query = request.query as { enableContentEncodingUrlHeader?: string };
  document.contentEncodingHeader = query.enableContentEncodingUrlHeader === 'true';
  const url = presign(deps, request, document);
  return reply.send(
    document.compression === null
      ? { feedDocumentId: document.id, url }
      : { feedDocumentId: document.id, url, compressionAlgorithm: document.compression },
  );
}

/** `GET …/feeds?feedTypes=` [SPM]: newest first, `pageSize` ≤ 100, `nextToken` (an offset here). */
function listFeeds(deps: AmDeps, request: FastifyRequest, reply: FastifyReply) {
  settle(deps);
  judgeAm(deps.conformance, request, 'feeds.list', 'feeds.getFeeds', getFeedsDescriptionIssues(request));
  const query = request.query as Record<string, string | undefined>;
  const offset = query.nextToken === undefined ? 0 : Number.parseInt(query.nextToken, 36);
  const types = queryList(query.feedTypes);
  if (query.nextToken === undefined && types.length === 0) {
    return sendAmError(reply, amInvalidInput('feedTypes is required when nextToken is absent.'));
  }
  // [SPM getFeeds.nextToken] "Specifying nextToken with any other parameters will cause the request to fail."
  if (query.nextToken !== undefined && Object.keys(query).length > 1) {
    return sendAmError(reply, amInvalidInput('nextToken must be the only parameter.'));
  }
  const pageSize = query.pageSize === undefined ? AM_FEEDS.listDefaultPageSize : Number(query.pageSize);
  if (
    !Number.isInteger(pageSize) ||
    pageSize < 1 ||
    pageSize > AM_FEEDS.listMaxPageSize ||
    Number.isNaN(offset)
  ) {
    return sendAmError(reply, amInvalidInput(`pageSize must be 1–${AM_FEEDS.listMaxPageSize}.`));
  }
  const now = deps.clock.now();
  const statuses = queryList(query.processingStatuses);
  const seller = callerOf(request).sellerId;
  const feeds = [...deps.store.feeds.values()]
    .filter((feed) => feed.sellerId === seller && (types.length === 0 || types.includes(feed.feedType)))
    .filter((feed) => statuses.length === 0 || statuses.includes(feedStatus(feed, now)))
    .reverse();
  const page = feeds.slice(offset, offset + pageSize).map((feed) => feedBody(feed, now));
  const next = offset + pageSize < feeds.length ? (offset + pageSize).toString(36) : undefined;
  return reply.send(next === undefined ? { feeds: page } : { feeds: page, nextToken: next });
}

export function registerAmFeeds(scope: FastifyInstance, deps: AmDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  scope.post(`${BASE}/documents`, route('feeds.create_document'), (request, reply) =>
    createDocument(deps, request, reply),
  );
  scope.get<{ Params: { id: string } }>(
    `${BASE}/documents/:id`,
    route('feeds.get_document'),
    (request, reply) => getDocument(deps, request, reply),
  );
  scope.post(`${BASE}/feeds`, route('feeds.create'), (request, reply) => createFeed(deps, request, reply));
  scope.get(`${BASE}/feeds`, route('feeds.list'), (request, reply) => listFeeds(deps, request, reply));
  scope.get<{ Params: { feedId: string } }>(`${BASE}/feeds/:feedId`, route('feeds.get'), (request, reply) =>
    getFeed(deps, request, reply),
  );
  scope.delete<{ Params: { feedId: string } }>(
    `${BASE}/feeds/:feedId`,
    route('feeds.cancel'),
    (request, reply) => cancelFeed(deps, request, reply),
  );
}
