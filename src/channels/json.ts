/**
 * Small readers of a marketplace's JSON. A body of the wrong shape is the marketplace
 * misbehaving (or a proxy's error page), so the caller turns it into a transient error.
 */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string, or a number written as one (ids come either way). */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The object at `key`, or an empty one: optional sub-objects read like absent fields. */
export function child(parent: Json, key: string): Json {
  const value = parent[key];
  return isObject(value) ? value : {};
}
