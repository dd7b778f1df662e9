import { AM_ISSUES, AM_LISTINGS, AM_MARKETPLACES } from './facts.ts';
import type { AmIssue, Attributes, AttributeValue } from './model.ts';

/** One JSON Patch operation of a Listings PATCH or a feed message [SPM]. */
export interface PatchOp {
  readonly op: string;
  readonly path: string;
  readonly value?: unknown;
}

/** What a patch is checked against: the marketplaces of the request. */
export interface PatchContext {
  readonly marketplaceIds: readonly string[];
}

/** Keys that tell the elements of an attribute apart, for `merge` and `delete` [doc]. */
const IDENTITY_KEYS = ['fulfillment_channel_code', 'marketplace_id', 'language_tag'] as const;

function sameElement(a: AttributeValue, b: AttributeValue): boolean {
  return IDENTITY_KEYS.every((key) => a[key] === b[key]);
}

export function issue(kind: keyof typeof AM_ISSUES, message: string, attribute: string): AmIssue {
  const { code, category } = AM_ISSUES[kind];
  return { code, message, severity: 'ERROR', attributeNames: [attribute], categories: [category] };
}

export function attributeOf(path: string): string | null {
  return AM_LISTINGS.pathPattern.exec(path)?.[1] ?? null;
}

function isValueArray(value: unknown): value is AttributeValue[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry))
  );
}

/** Applies one operation in place. Values are cloned: the write log keeps the request body as sent. */
export function applyPatch(attributes: Attributes, patch: PatchOp): void {
  const name = attributeOf(patch.path);
  if (name === null) return;
  const value = patch.value === undefined ? undefined : (structuredClone(patch.value) as AttributeValue[]);
  if (patch.op === 'add' || patch.op === 'replace') {
    attributes[name] = value ?? [];
  } else if (patch.op === 'merge') {
    const current = attributes[name] ?? [];
    for (const element of value ?? []) {
      const match = current.find((entry) => sameElement(entry, element));
      if (match === undefined) current.push(element);
      else Object.assign(match, element);
    }
    attributes[name] = current;
  } else if (patch.op === 'delete') {
    deleteValues(attributes, name, value);
  }
}

/** `delete` with no value drops the attribute; with values, drops those keys (or whole elements). */
function deleteValues(attributes: Attributes, name: string, value: AttributeValue[] | undefined): void {
  const current = attributes[name];
  if (value === undefined || current === undefined) {
    delete attributes[name];
    return;
  }
  for (const element of value) {
    const index = current.findIndex((entry) => sameElement(entry, element));
    if (index < 0) continue;
    const keys = Object.keys(element).filter((key) => !(IDENTITY_KEYS as readonly string[]).includes(key));
    if (keys.length === 0) current.splice(index, 1);
    else for (const key of keys) delete current[index]![key];
  }
  if (current.length === 0) delete attributes[name];
}

/**
 * Checks patches the way the Listings API does before answering: applies them to a copy and
 * validates the attributes they touch. Returns the ERROR issues (empty: ACCEPTED or VALID).
 */
export function validatePatches(
  current: Attributes,
  patches: readonly PatchOp[],
  context: PatchContext,
  now: number,
): AmIssue[] {
  const issues: AmIssue[] = [];
  const projected: Attributes = { ...current };
  const touched = new Set<string>();
  for (const patch of patches) {
    const name = attributeOf(patch.path);
    if (name === null) {
      issues.push(
        issue('unsupportedPath', `The path '${patch.path}' is not a top-level attribute.`, patch.path),
      );
      continue;
    }
    if (patch.op !== 'delete' && !isValueArray(patch.value)) {
      issues.push(issue('notEnoughValues', `The attribute '${name}' needs at least one value.`, name));
      continue;
    }
    if (projected[name] !== undefined) projected[name] = structuredClone(projected[name]);
    applyPatch(projected, patch);
    touched.add(name);
  }
  for (const name of touched) issues.push(...validateAttribute(name, projected[name], context, now));
  return issues;
}

export function validateAttribute(
  name: string,
  values: AttributeValue[] | undefined,
  context: PatchContext,
  now: number,
): AmIssue[] {
  if (values === undefined) return [];
  if (name === 'fulfillment_availability') return values.flatMap((value) => checkAvailability(value));
  if (name === 'purchasable_offer') return values.flatMap((value) => checkOffer(value, context, now));
  return [];
}

function checkAvailability(value: AttributeValue): AmIssue[] {
  const name = 'fulfillment_availability';
  if (typeof value.fulfillment_channel_code !== 'string') {
    return [issue('missing', `'[${name}.fulfillment_channel_code]' is required but not supplied.`, name)];
  }
  if (value.fulfillment_channel_code !== 'DEFAULT') return [];
  const quantity = value.quantity;
  if (quantity === undefined)
    return [issue('missing', `'[${name}.quantity]' is required but not supplied.`, name)];
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0) {
    const message = `The value '${String(quantity)}' for 'quantity' is invalid: it must be a whole number of at least 0.`;
    return [issue('invalidValue', message, name)];
  }
  return [];
}

/** The first schedule value of `our_price`/`discounted_price` [doc + 2nd]. */
function scheduleValue(entries: unknown): { value: unknown; start: unknown; end: unknown } | null {
  if (!Array.isArray(entries) || entries.length === 0) return null;
  const schedule = (entries[0] as { schedule?: unknown }).schedule;
  if (!Array.isArray(schedule) || schedule.length === 0) return null;
  const first = schedule[0] as Record<string, unknown>;
  return { value: first.value_with_tax, start: first.start_at, end: first.end_at };
}

function positive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function checkOffer(value: AttributeValue, context: PatchContext, now: number): AmIssue[] {
  const name = 'purchasable_offer';
  const issues: AmIssue[] = [];
  const marketplaceId = value.marketplace_id;
  if (typeof marketplaceId === 'string' && !context.marketplaceIds.includes(marketplaceId)) {
    issues.push(issue('invalidValue', `The marketplace_id '${marketplaceId}' is not in the request.`, name));
  }
  const market =
    AM_MARKETPLACES[typeof marketplaceId === 'string' ? marketplaceId : (context.marketplaceIds[0] ?? '')];
  if (value.currency !== undefined && market !== undefined && value.currency !== market.currency) {
    issues.push(
      issue('invalidValue', `The currency '${String(value.currency)}' is not ${market.currency}.`, name),
    );
  }
  const our = scheduleValue(value.our_price);
  if (value.our_price !== undefined && (our === null || !positive(our.value))) {
    issues.push(
      issue('invalidPrice', "The value for 'our_price' must be greater than 0.", `${name}.our_price`),
    );
  }
  if (value.discounted_price !== undefined)
    issues.push(...checkDiscount(value.discounted_price, our?.value, now));
  return issues;
}

function checkDiscount(entries: unknown, ourPrice: unknown, now: number): AmIssue[] {
  const name = 'purchasable_offer.discounted_price';
  const sale = scheduleValue(entries);
  if (sale === null || !positive(sale.value)) {
    return [issue('invalidPrice', "The value for 'discounted_price' must be greater than 0.", name)];
  }
  const start = typeof sale.start === 'string' ? Date.parse(sale.start) : Number.NaN;
  const end = typeof sale.end === 'string' ? Date.parse(sale.end) : Number.NaN;
  if (Number.isNaN(start) || Number.isNaN(end) || start >= end) {
    return [issue('invalidValue', "'discounted_price' needs a schedule with start_at before end_at.", name)];
  }
  if (end <= now) return [issue('invalidValue', "The 'discounted_price' schedule has already ended.", name)];
  if (positive(ourPrice) && sale.value >= ourPrice) {
    return [issue('invalidPrice', "The 'discounted_price' must be lower than 'our_price'.", name)];
  }
  return [];
}

/** Stock a buyer sees: the DEFAULT (merchant-fulfilled) quantity. */
export function quantityOf(attributes: Attributes): number {
  const entry = attributes.fulfillment_availability?.find(
    (value) => value.fulfillment_channel_code === 'DEFAULT',
  );
  return typeof entry?.quantity === 'number' ? entry.quantity : 0;
}

function offerOf(attributes: Attributes, marketplaceId: string | undefined): AttributeValue | undefined {
  const offers = attributes.purchasable_offer ?? [];
  return offers.find((offer) => offer.marketplace_id === marketplaceId) ?? offers[0];
}

export function ourPriceOf(attributes: Attributes, marketplaceId?: string): number | null {
  const value = scheduleValue(offerOf(attributes, marketplaceId)?.our_price)?.value;
  return positive(value) ? value : null;
}

/** The sale price while its window is open, else null. */
export function activeDiscountOf(attributes: Attributes, now: number, marketplaceId?: string): number | null {
  const sale = scheduleValue(offerOf(attributes, marketplaceId)?.discounted_price);
  if (sale === null || !positive(sale.value)) return null;
  const start = typeof sale.start === 'string' ? Date.parse(sale.start) : Number.NEGATIVE_INFINITY;
  const end = typeof sale.end === 'string' ? Date.parse(sale.end) : Number.POSITIVE_INFINITY;
  return start <= now && now < end ? sale.value : null;
}

/** The attribute values a fresh listing carries (control API and feed UPDATEs without them). */
export function offerValue(marketplaceId: string, price: number): AttributeValue {
  const currency = AM_MARKETPLACES[marketplaceId]?.currency ?? 'BRL';
  return { marketplace_id: marketplaceId, currency, our_price: [{ schedule: [{ value_with_tax: price }] }] };
}
