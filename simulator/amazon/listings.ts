import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { callerOf } from '../core/guard.ts';
import { checker } from '../core/validate.ts';
import type { PatchOp } from './attributes.ts';
import { applyPatch, attributeOf, issue, validatePatches } from './attributes.ts';
import type { AmDeps } from './deps.ts';
import { AM_CHANNEL, logAmWrite, settle } from './deps.ts';
import type { AmError } from './errors.ts';
import { amDenied, amError, amInvalidInput, sendAmError } from './errors.ts';
import { AM_LISTINGS } from './facts.ts';
import { itemBody } from './listing-view.ts';
import type { AmIssue, AmListing } from './model.ts';
import { iso } from './model.ts';
import { bodyError, PatchBody, queryList } from './schemas.ts';

const checkPatch = checker(PatchBody);

type ItemRequest = FastifyRequest<{ Params: { sellerId: string; sku: string } }>;
type ItemQuery = { marketplaceIds?: string; includedData?: string; mode?: string; issueLocale?: string };

/**
 * What every Listings Items call checks first: the path's seller is the token's, marketplaceIds
 * is given, the SKU exists there. Answers the listing or the error to send.
 */
function findListing(
  deps: AmDeps,
  request: ItemRequest,
): { listing: AmListing; markets: string[] } | AmError {
  const { sellerId, sku } = request.params;
  if (sellerId !== callerOf(request).sellerId) {
    return amDenied(`The access token does not grant access to seller ${sellerId}.`);
  }
  const markets = queryList((request.query as ItemQuery).marketplaceIds);
  if (markets.length === 0) return amInvalidInput("Missing required parameter 'marketplaceIds'.");
  const listing = deps.store.listing(sellerId, sku);
  if (listing === undefined || !markets.some((id) => listing.marketplaceIds.includes(id))) {
    // [2nd] the Listings API's 404 code is NOT_FOUND.
    return amError(404, 'NOT_FOUND', `SKU '${sku}' not found in marketplace ${markets.join(',')}`);
  }
  return { listing, markets };
}

function readIncluded(value: string | undefined): string[] | AmError {
  const parts = value === undefined ? [...AM_LISTINGS.defaultIncludedData] : queryList(value);
  const unknown = parts.filter((part) => !(AM_LISTINGS.includedData as readonly string[]).includes(part));
  if (unknown.length > 0) return amInvalidInput(`Invalid includedData value(s): ${unknown.join(', ')}`);
  return parts;
}

function getListing(deps: AmDeps, request: ItemRequest, reply: FastifyReply) {
  settle(deps);
  const found = findListing(deps, request);
  if ('status' in found) return sendAmError(reply, found);
  const included = readIncluded((request.query as ItemQuery).includedData);
  if ('status' in included) return sendAmError(reply, included);
  return reply.send(itemBody(found.listing, included, found.markets));
}

/**
 * `PATCH …/items/{sellerId}/{sku}` [SPM]: checked now, answered `ACCEPTED` with a submissionId
 * and applied after `applyDelayMs`; `INVALID` with `issues[]` applies nothing; `mode=VALIDATION_PREVIEW`
 * answers `VALID`/`INVALID` and applies nothing.
 */
function patchListing(deps: AmDeps, request: ItemRequest, reply: FastifyReply) {
  // Settling here too keeps the queue short under a write-only load (a benchmark never reads).
  settle(deps);
  const { sku } = request.params;
  const seller = callerOf(request).sellerId;
  const refuse = (error: AmError) => {
    logAmWrite(deps, 'listings.patch', seller, sku, error.status, request.body);
    return sendAmError(reply, error);
  };
  const found = findListing(deps, request);
  if ('status' in found) {
    return found.status === 404
      ? refuse({ ...found, status: AM_LISTINGS.patchUnknownSkuStatus })
      : refuse(found);
  }
  const body = request.body;
  const bodyIssues = deps.conformance.judge(request, AM_CHANNEL, 'listings.patch', checkPatch, body);
  if (!checkPatch.check(body)) return refuse(bodyError(bodyIssues));
  const query = request.query as ItemQuery;
  const now = deps.clock.now();
  const issues = validatePatches(
    found.listing.attributes,
    body.patches,
    { marketplaceIds: found.markets },
    now,
  );
  const preview = query.mode === 'VALIDATION_PREVIEW';
  const status = issues.length > 0 ? 'INVALID' : preview ? 'VALID' : 'ACCEPTED';
  const submissionId = deps.store.nextSubmissionId();
  logAmWrite(deps, 'listings.patch', seller, sku, 200, body);
  if (status === 'ACCEPTED') scheduleApply(deps, found.listing, body, now);
  const answer: Record<string, unknown> = { sku, status, submissionId, issues };
  if (queryList(query.includedData).includes('identifiers')) {
    answer.identifiers = found.markets.map((id) => ({ marketplaceId: id, asin: found.listing.asin }));
  }
  return reply.send(answer);
}

/** Queues the patch; the `partial_failure_rate` fault marks it rejected later, decided now so a seed replays. */
function scheduleApply(deps: AmDeps, listing: AmListing, body: Static<typeof PatchBody>, now: number): void {
  const rejected = deps.faults.active && deps.faults.entryFails('listings.patch');
  listing.pending += 1;
  const dueAt = now + deps.settings.applyDelayMs;
  const apply = () => {
    listing.pending -= 1;
    if (deps.store.listing(listing.sellerId, listing.sku) !== listing) return;
    applyPatches(listing, body.patches, rejected, iso(dueAt));
  };
  if (deps.settings.applyDelayMs <= 0) apply();
  else deps.later.patches.push({ dueAt, apply });
}

/** Applies accepted patches, or records why they were rejected after being accepted. */
export function applyPatches(
  listing: AmListing,
  patches: readonly PatchOp[],
  rejected: boolean,
  at: string,
): void {
  const touched = new Set(patches.map((patch) => attributeOf(patch.path) ?? patch.path));
  // A newer submission supersedes the issues the older ones left on the same attributes.
  listing.issues = listing.issues.filter((entry) => !entry.attributeNames.some((name) => touched.has(name)));
  if (rejected) {
    listing.issues.push(...[...touched].map((name) => rejectedLater(name)));
    return;
  }
  for (const patch of patches) applyPatch(listing.attributes, patch);
  listing.updatedAt = at;
}

function rejectedLater(attribute: string): AmIssue {
  return issue(
    'rejectedLater',
    `The submitted value for '${attribute}' was rejected after acceptance.`,
    attribute,
  );
}

/** `DELETE …/items/{sellerId}/{sku}` [SPM]: ACCEPTED, the listing disappears after the apply delay. */
function deleteListing(deps: AmDeps, request: ItemRequest, reply: FastifyReply) {
  const found = findListing(deps, request);
  const seller = callerOf(request).sellerId;
  logAmWrite(
    deps,
    'listings.delete',
    seller,
    request.params.sku,
    'status' in found ? found.status : 200,
    null,
  );
  if ('status' in found) return sendAmError(reply, found);
  const { listing } = found;
  const remove = () => void deps.store.removeListing(listing.sellerId, listing.sku);
  if (deps.settings.applyDelayMs <= 0) remove();
  else deps.later.patches.push({ dueAt: deps.clock.now() + deps.settings.applyDelayMs, apply: remove });
  return reply.send({
    sku: listing.sku,
    status: 'ACCEPTED',
    submissionId: deps.store.nextSubmissionId(),
    issues: [],
  });
}

export function registerAmListings(scope: FastifyInstance, deps: AmDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  const path = '/listings/2021-08-01/items/:sellerId/:sku';
  scope.get<{ Params: { sellerId: string; sku: string } }>(path, route('listings.get'), (request, reply) =>
    getListing(deps, request, reply),
  );
  scope.patch<{ Params: { sellerId: string; sku: string } }>(
    path,
    route('listings.patch'),
    (request, reply) => patchListing(deps, request, reply),
  );
  scope.delete<{ Params: { sellerId: string; sku: string } }>(
    path,
    route('listings.delete'),
    (request, reply) => deleteListing(deps, request, reply),
  );
}
