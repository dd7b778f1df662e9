/**
 * One casing across the API: SkyHub's snake_case. The only camelCase names allowed are SkyHub's
 * own, which released SkyHub clients already send and read.
 */

/** SkyHub's camelCase names, with where SkyHub defines them. */
export const skyhubCamelCase = new Set([
  // Product specifications as category attributes: {"id", "idValue"} (SkyHub, from 31 Mar 2025).
  'idValue',
]);

/** Operations whose body is a marketplace's own document, passed through as the marketplace wrote it. */
export const passThrough = new Set(['getOrderRaw']);

/** The camelCase keys of a JSON value, each with its path (e.g. `listings[0].stock.effective_value.promotionalPrice`). */
export function camelCaseKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => camelCaseKeys(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = path ? `${path}.${key}` : key;
    const own = /[A-Z]/.test(key) && !skyhubCamelCase.has(key) ? [here] : [];
    return [...own, ...camelCaseKeys(inner, here)];
  });
}

/** The camelCase property names a JSON schema declares, anywhere inside it. */
export function camelCaseProperties(schema: unknown, path = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item) => camelCaseProperties(item, path));
  if (schema === null || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([key, inner]) => {
    if (key === 'examples' || key === 'example' || key === 'default') return [];
    if (key === 'properties' && inner && typeof inner === 'object') {
      return Object.entries(inner).flatMap(([name, property]) => [
        ...(/[A-Z]/.test(name) && !skyhubCamelCase.has(name) ? [`${path}.${name}`] : []),
        ...camelCaseProperties(property, `${path}.${name}`),
      ]);
    }
    return camelCaseProperties(inner, path);
  });
}
