import { gzipSync } from 'node:zlib';
import type { ConformanceLedger } from '../core/conformance.ts';
import type { PatchOp } from './attributes.ts';
import { applyPatch, issue, validateAttribute, validatePatches } from './attributes.ts';
import type { AmDeps } from './deps.ts';
import { logAmWrite } from './deps.ts';
import { AM_FEEDS, AM_LISTINGS } from './facts.ts';
import { newDocument, newListing } from './listing-build.ts';
import { itemBody } from './listing-view.ts';
import type { AmFeed, AmIssue, AmListing, Attributes, AttributeValue } from './model.ts';
import { iso } from './model.ts';
import { feedDocumentIssues } from './spec.ts';

/** One line of `issues[]` of the processing report [SPM listings-feed-processing-report-schema-v2]. */
interface ReportIssue {
  messageId?: number;
  sku?: string;
  code: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  message: string;
  attributeName?: string;
}

interface FeedMessage {
  messageId?: unknown;
  sku?: unknown;
  operationType?: unknown;
  productType?: unknown;
  requirements?: unknown;
  attributes?: unknown;
  patches?: unknown;
}

const OPERATIONS = ['UPDATE', 'PARTIAL_UPDATE', 'PATCH', 'DELETE'];

/** Why a whole feed is FATAL (no message is processed), or its parsed messages. */
interface ParsedFeed {
  readonly messages: FeedMessage[];
  /** [SPM listings-feed-schema-v2 `header.report.includedData`] what the report lists per item. */
  readonly included: string[];
}

function parseFeed(ledger: ConformanceLedger, feed: AmFeed, content: Buffer | null): ParsedFeed | string {
  ledger.received('amazon', 'feeds.document');
  if (content === null || content.length === 0) {
    ledger.verdict('amazon', 'feeds.document', [{ path: '', message: 'is empty' }], feed.expectedInvalidBy);
    return 'The feed document was never uploaded or is empty.';
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.toString('utf8'));
  } catch {
    ledger.verdict(
      'amazon',
      'feeds.document',
      [{ path: '', message: 'is not JSON' }],
      feed.expectedInvalidBy,
    );
    return 'The feed document is not valid JSON.';
  }
  ledger.verdict('amazon', 'feeds.document', feedDocumentIssues(parsed), feed.expectedInvalidBy);
  const { header, messages } = (parsed ?? {}) as { header?: Record<string, unknown>; messages?: unknown };
  if (header === undefined || header.version !== '2.0') return "The feed header must have version '2.0'.";
  if (header.sellerId !== feed.sellerId)
    return `The header sellerId does not match the seller ${feed.sellerId}.`;
  if (!Array.isArray(messages) || messages.length === 0) return 'The feed has no messages.';
  if (messages.length > AM_FEEDS.maxMessages) {
    return `The feed has ${messages.length} messages; the maximum is ${AM_FEEDS.maxMessages}.`;
  }
  const report = header.report as { includedData?: unknown } | undefined;
  const included = Array.isArray(report?.includedData)
    ? report.includedData.filter((entry): entry is string => typeof entry === 'string')
    : [];
  return { messages: messages as FeedMessage[], included };
}

function toReport(messageId: number, sku: string, issues: readonly AmIssue[]): ReportIssue[] {
  return issues.map((entry) => ({
    messageId,
    sku,
    code: entry.code,
    severity: entry.severity,
    message: entry.message,
    attributeName: entry.attributeNames[0],
  }));
}

function isValueArray(value: unknown): value is AttributeValue[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((entry) => typeof entry === 'object' && entry !== null)
  );
}

/** Checks `attributes` of UPDATE/PARTIAL_UPDATE the way PATCH checks its values. */
function attributeIssues(attributes: unknown, markets: readonly string[], now: number): AmIssue[] {
  if (typeof attributes !== 'object' || attributes === null || Object.keys(attributes).length === 0) {
    return [issue('missing', "'attributes' is required but not supplied.", 'attributes')];
  }
  return Object.entries(attributes).flatMap(([name, values]) =>
    isValueArray(values)
      ? validateAttribute(name, values, { marketplaceIds: markets }, now)
      : [issue('notEnoughValues', `The attribute '${name}' needs at least one value.`, name)],
  );
}

/**
 * [SPM listings-feed-schema-v2 `requirements`] (fidelity A10) what an UPDATE must carry:
 * LISTING (the default) the product type's facts, here item_name and brand, under a real product
 * type (the generic PRODUCT has no facts [unverified]); LISTING_OFFER_ONLY the sales terms and a
 * match to an Amazon product (merchant_suggested_asin, or an identifier Amazon matches to an ASIN
 * [unverified: every EAN matches here]).
 */
function requirementIssues(message: FeedMessage): AmIssue[] {
  const attributes = (message.attributes ?? {}) as Record<string, unknown>;
  const requirements = typeof message.requirements === 'string' ? message.requirements : 'LISTING';
  if (requirements === 'LISTING_OFFER_ONLY') {
    if (attributes.merchant_suggested_asin !== undefined) return [];
    if (attributes.externally_assigned_product_identifier !== undefined) return [];
    return [
      issue(
        'missing',
        "'[merchant_suggested_asin]' is required but not supplied: an offer needs an Amazon product to match.",
        'merchant_suggested_asin',
      ),
    ];
  }
  if (requirements !== 'LISTING') return [];
  const issues: AmIssue[] = [];
  if (message.productType === AM_LISTINGS.factlessProductType) {
    issues.push(
      issue(
        'invalidValue',
        `The product type '${message.productType}' has no product facts: a new Amazon product needs its own product type.`,
        'productType',
      ),
    );
  }
  for (const name of AM_LISTINGS.listingFacts) {
    if (attributes[name] === undefined)
      issues.push(issue('missing', `'[${name}]' is required but not supplied.`, name));
  }
  return issues;
}

interface MessageContext {
  readonly deps: AmDeps;
  readonly feed: AmFeed;
  readonly now: number;
}

/** Validates one message; answers the issues, or the change to apply when it is accepted. */
function checkMessage(ctx: MessageContext, message: FeedMessage, sku: string): AmIssue[] | (() => void) {
  const { deps, feed, now } = ctx;
  const operation = message.operationType;
  if (typeof operation !== 'string' || !OPERATIONS.includes(operation)) {
    return [issue('invalidValue', `operationType must be one of ${OPERATIONS.join(', ')}.`, 'operationType')];
  }
  const listing = deps.store.listing(feed.sellerId, sku);
  if (operation === 'DELETE') return () => void deps.store.removeListing(feed.sellerId, sku);
  if (typeof message.productType !== 'string' || message.productType === '') {
    return [issue('missing', "'productType' is required but not supplied.", 'productType')];
  }
  if (operation === 'PATCH') {
    if (listing === undefined) return [issue('skuNotFound', `The SKU '${sku}' does not exist.`, 'sku')];
    if (!Array.isArray(message.patches) || message.patches.length === 0) {
      return [issue('missing', "'patches' is required but not supplied.", 'patches')];
    }
    const patches = message.patches as PatchOp[];
    const issues = validatePatches(listing.attributes, patches, { marketplaceIds: feed.marketplaceIds }, now);
    return issues.length > 0 ? issues : () => patchListing(listing, patches, now);
  }
  const issues = [
    ...attributeIssues(message.attributes, feed.marketplaceIds, now),
    ...(operation === 'UPDATE' ? requirementIssues(message) : []),
  ];
  if (issues.length > 0) return issues;
  const attributes = structuredClone(message.attributes) as Attributes;
  if (operation === 'PARTIAL_UPDATE') {
    if (listing === undefined) return [issue('skuNotFound', `The SKU '${sku}' does not exist.`, 'sku')];
    return () => {
      Object.assign(listing.attributes, attributes);
      listing.updatedAt = iso(now);
    };
  }
  return () => replaceListing(ctx, sku, message.productType as string, attributes, listing);
}

function patchListing(listing: AmListing, patches: readonly PatchOp[], now: number): void {
  for (const patch of patches) applyPatch(listing.attributes, patch);
  listing.updatedAt = iso(now);
}

/** UPDATE: the full set of attributes replaces the listing's, creating it if needed [SPM]. */
function replaceListing(
  ctx: MessageContext,
  sku: string,
  productType: string,
  attributes: Attributes,
  listing: AmListing | undefined,
): void {
  if (listing === undefined) {
    const created = newListing(ctx.deps.store, ctx.feed.sellerId, sku, ctx.feed.marketplaceIds, ctx.now);
    created.productType = productType;
    created.attributes = attributes;
    ctx.deps.store.addListing(created);
    return;
  }
  listing.productType = productType;
  listing.attributes = attributes;
  listing.issues = [];
  listing.updatedAt = iso(ctx.now);
}

/** Runs a feed at its due time: DONE with a per-message report, or FATAL with the reason. */
export function processFeed(deps: AmDeps, feed: AmFeed): void {
  if (feed.outcome !== null) return;
  const now = feed.doneMs;
  const header = { sellerId: feed.sellerId, version: '2.0', feedId: feed.feedId };
  const parsed = parseFeed(
    deps.conformance,
    feed,
    deps.store.documents.get(feed.inputFeedDocumentId)?.content ?? null,
  );
  let report: unknown;
  if (typeof parsed === 'string') {
    feed.outcome = 'FATAL';
    report = {
      header,
      issues: [{ code: '100001', severity: 'ERROR', message: parsed }],
      summary: { errors: 1, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 },
    };
  } else {
    feed.outcome = 'DONE';
    report = { header, ...processMessages({ deps, feed, now }, parsed.messages) };
    if (parsed.included.length > 0) {
      // [SPM processing report `items`] each listing as getListingsItem shows it after processing.
      const reportHeader = { ...header, report: { includedData: parsed.included, apiVersion: '2021-08-01' } };
      report = { ...(report as object), header: reportHeader, items: reportItems(deps, feed, parsed) };
    }
  }
  const document = newDocument(deps.store, feed.sellerId, 'application/json; charset=UTF-8');
  const text = Buffer.from(JSON.stringify(report));
  document.content = deps.settings.compressReports ? gzipSync(text) : text;
  document.compression = deps.settings.compressReports ? 'GZIP' : null;
  feed.resultFeedDocumentId = document.id;
}

function reportItems(deps: AmDeps, feed: AmFeed, parsed: ParsedFeed) {
  const skus = new Set(
    parsed.messages.flatMap((message) => (typeof message.sku === 'string' ? [message.sku] : [])),
  );
  return [...skus].flatMap((sku) => {
    const listing = deps.store.listing(feed.sellerId, sku);
    return listing === undefined ? [] : [itemBody(listing, parsed.included, feed.marketplaceIds)];
  });
}

function processMessages(ctx: MessageContext, messages: readonly FeedMessage[]) {
  const issues: ReportIssue[] = [];
  let accepted = 0;
  for (const [index, message] of messages.entries()) {
    const messageId = typeof message.messageId === 'number' ? message.messageId : index + 1;
    const sku = typeof message.sku === 'string' ? message.sku : '';
    let outcome =
      sku === ''
        ? [issue('missing', "'sku' is required but not supplied.", 'sku')]
        : checkMessage(ctx, message, sku);
    // The `partial_failure_rate` fault fails single messages, as Amazon sometimes does.
    if (
      typeof outcome === 'function' &&
      ctx.deps.faults.active &&
      ctx.deps.faults.entryFails('feeds.create')
    ) {
      outcome = [
        issue('rejectedLater', 'An internal error occurred processing this message. Resubmit it.', 'sku'),
      ];
    }
    const status = typeof outcome === 'function' ? 200 : 400;
    logAmWrite(ctx.deps, 'feeds.message', ctx.feed.sellerId, sku, status, message);
    if (typeof outcome === 'function') {
      outcome();
      accepted += 1;
    } else issues.push(...toReport(messageId, sku, outcome));
  }
  const errors = issues.filter((entry) => entry.severity === 'ERROR').length;
  return {
    issues,
    summary: {
      errors,
      warnings: issues.length - errors,
      messagesProcessed: messages.length,
      messagesAccepted: accepted,
      messagesInvalid: messages.length - accepted,
    },
  };
}
