import { invalid } from '../errors.ts';

/**
 * SkyHub documents bodies wrapped in a resource key (`{"product": {...}}`) but its own guide also
 * shows them unwrapped (`{"qty": 0}`); both are accepted.
 */
export function unwrap(body: unknown, key: string): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalid(`body: must be a JSON object ({"${key}": {...}})`, {
      code: 'invalid_field',
      params: { field: 'body', rule: 'type', type: `{"${key}": {...}}` },
    });
  }
  const record = body as Record<string, unknown>;
  if (key in record) {
    if (Object.keys(record).length > 1) {
      const extra = Object.keys(record).find((k) => k !== key);
      throw invalid(`${extra}: is not a known field (fields go inside "${key}")`, {
        code: 'invalid_field',
        params: { field: extra!, rule: 'unknown_field' },
      });
    }
    return record[key];
  }
  return record;
}
