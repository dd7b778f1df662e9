import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { callerOf } from '../core/guard.ts';
import type { SchemaIssue } from '../core/validate.ts';
import { checker } from '../core/validate.ts';
import type { PatchOp } from './attributes.ts';
import { applyPatch, attributeOf, issue, validatePatches } from './attributes.ts';
import type { AmDeps } from './deps.ts';
import { logAmWrite, settle } from './deps.ts';
import type { AmError } from './errors.ts';
import { amDenied, amError, amInvalidInput, sendAmError } from './errors.ts';
import { AM_LISTINGS } from './facts.ts';
import { newListing } from './listing-build.ts';
import { itemBody } from './listing-view.ts';
import type { AmIssue, AmListing } from './model.ts';
import { iso } from './model.ts';
import { bodyError, PatchBody, queryList } from './schemas.ts';
import { judgeAm, patchDescriptionIssues } from './spec.ts';

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
  const found = itemTarget(request);
  if ('status' in found) return found;
  const { sellerId, sku } = request.params;
  const { markets } = found;
  const listing = deps.store.listing(sellerId, sku);
  if (listing === undefined || !markets.some((id) => listing.marketplaceIds.includes(id))) {
    // [2nd] the Listings API's 404 code is NOT_FOUND.
    return amError(404, 'NOT_FOUND', `SKU '${sku}' not found in marketplace ${markets.join(',')}`);
  }
  return { listing, markets };
}

/**
 * What every Listings Items call checks before the SKU: the path's seller is the token's, the SKU
 * is one the API serves, marketplaceIds is given.
 */
function itemTarget(request: ItemRequest): { markets: string[] } | AmError {
  const { sellerId, sku } = request.params;
  if (sellerId !== callerOf(request).sellerId) {
    return amDenied(`The access token does not grant access to seller ${sellerId}.`);
  }
  // [2nd: amzn/selling-partner-api-models #4429] a SKU holding `/` or `#` is answered 403
  // Unauthorized on these paths, encoded or not, though the token is fine.
  if (AM_LISTINGS.refusedSkuCharacters.test(sku)) return amDenied(AM_LISTINGS.refusedSkuDetails);
  const markets = queryList((request.query as ItemQuery).marketplaceIds);
  if (markets.length === 0) return amInvalidInput("Missing required parameter 'marketplaceIds'.");
  return { markets };
}

const judge = (deps: AmDeps, request: FastifyRequest, operation: string, spec: string, extra = NONE) =>
  judgeAm(deps.conformance, request, operation, spec, extra);
const NONE: readonly SchemaIssue[] = [];

function readIncluded(value: string | undefined): string[] | AmError {
  const parts = value === undefined ? [...AM_LISTINGS.defaultIncludedData] : queryList(value);
  const unknown = parts.filter((part) => !(AM_LISTINGS.includedData as readonly string[]).includes(part));
  if (unknown.length > 0) return amInvalidInput(`Invalid includedData value(s): ${unknown.join(', ')}`);
  return parts;
}

function getListing(deps: AmDeps, request: ItemRequest, reply: FastifyReply) {
  settle(deps);
  judge(deps, request, 'listings.get', 'listings.getListingsItem');
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
  judge(deps, request, 'listings.patch', 'listings.patchListingsItem', patchDescriptionIssues(request));
  const target = itemTarget(request);
  if ('status' in target) return refuse(target);
  const body = request.body;
  if (!checkPatch.check(body)) return refuse(bodyError(checkPatch.issues(body)));
  const query = request.query as ItemQuery;
  const now = deps.clock.now();
  const found = findListing(deps, request);
  // [SPM: no 404 among the patch responses; Amazon staff in amzn/selling-partner-api-docs#3748]
  // a PATCH of a SKU the seller does not have is ACCEPTED and creates an incomplete offer.
  const listing =
    'status' in found ? incompleteOffer(deps, request, target.markets, body.productType, now) : found.listing;
  const markets = 'status' in found ? target.markets : found.markets;
  const issues = validatePatches(listing.attributes, body.patches, { marketplaceIds: markets }, now);
  const preview = query.mode === 'VALIDATION_PREVIEW';
  const status = issues.length > 0 ? 'INVALID' : preview ? 'VALID' : 'ACCEPTED';
  const submissionId = deps.store.nextSubmissionId();
  logAmWrite(deps, 'listings.patch', seller, sku, 200, body);
  if (status === 'ACCEPTED') {
    if (!deps.store.listing(listing.sellerId, listing.sku)) deps.store.addListing(listing);
    scheduleApply(deps, listing, body, now);
  }
  const answer: Record<string, unknown> = { sku, status, submissionId, issues };
  if (queryList(query.includedData).includes('identifiers')) {
    answer.identifiers = markets.map((id) => ({ marketplaceId: id, asin: listing.asin }));
  }
  return reply.send(answer);
}

/**
 * The offer an unknown SKU's PATCH leaves: only the patched attributes, no product facts, so it
 * carries the issues Amazon shows on such a listing and is not buyable [unverified: the issue
 * wording]. Added to the store only when the PATCH is ACCEPTED.
 */
function incompleteOffer(
  deps: AmDeps,
  request: ItemRequest,
  markets: readonly string[],
  productType: string,
  now: number,
): AmListing {
  const listing = newListing(deps.store, request.params.sellerId, request.params.sku, markets, now);
  listing.productType = productType;
  listing.issues = AM_LISTINGS.incompleteOfferAttributes.map((name) =>
    issue('missing', `'[${name}]' is required but not supplied.`, name),
  );
  return listing;
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
  judge(deps, request, 'listings.delete', 'listings.deleteListingsItem');
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
