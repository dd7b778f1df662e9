/**
 * What a careless or hostile client sends, as fast-check arbitraries: values shaped by a route's
 * schema (mostly valid, so requests get past the first check and reach the code behind it) with
 * hostile values mixed in at every level, hostile text and numbers-as-text for paths and query
 * strings, and raw bodies no JSON schema describes.
 */
import fc from 'fast-check';
import type { Schema } from './openapi.ts';

/** Values the fuzzer knows exist in the account, by field or parameter name. */
export type Known = Record<string, readonly (string | number)[]>;

const deep = (levels: number, open: string, close: string, inner = '1') =>
  open.repeat(levels) + inner + close.repeat(levels);

/** Text that has broken parsers, databases and templates somewhere. */
export const hostileTexts: readonly string[] = [
  '',
  ' ',
  '0',
  '-1',
  '-0',
  '1.5',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1_000',
  '00000000000000000001',
  '9007199254740993',
  '99999999999999999999999999999',
  '-99999999999999999999999999999',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '[object Object]',
  "' OR '1'='1",
  '1; DROP TABLE products; --',
  "%' UNION SELECT key_hash FROM api_keys --",
  '\\',
  '%',
  '%25',
  '_',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffx',
  '\u202eevil',
  '\ufeffBOM',
  '\r\nX-Injected: 1',
  '𝕮𝖆𝖎𝖘 🛒 ção',
  'e\u0301\u0301\u0301',
  'ﷺ'.repeat(50),
  'x'.repeat(301),
  'ç'.repeat(2_000),
  '9'.repeat(400),
];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileTexts) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** Any JSON value, with the extremes JSON allows and structures no schema expects. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      0,
      -1,
      -0,
      1.5,
      0.1 + 0.2,
      1e-12,
      2 ** 31,
      2 ** 53 + 2,
      -(2 ** 63),
      1e308,
      -1e308,
      Number.MIN_VALUE,
      true,
      false,
      null,
      [],
      {},
      [null],
      { '': null },
      JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}'),
      JSON.parse(deep(64, '[', ']')),
      JSON.parse(deep(64, '{"a":', '}')),
    ),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 4 }) },
);

/** A value for this schema: mostly the right shape, hostile at any level now and then. */
export function fromSchema(schema: Schema, known: Known, name = '', depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedBy(schema, known, name, depth);
  const wrong = fc.oneof(hostileJson, ...violations(schema).map((v) => fc.constant(v)));
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: wrong });
}

function shapedBy(schema: Schema, known: Known, name: string, depth: number): fc.Arbitrary<unknown> {
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches) && branches.length > 0)
    return fc.oneof(...branches.map((b: Schema) => shapedBy(b, known, name, depth)));
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const hints = known[name];
  const hinted = (arb: fc.Arbitrary<unknown>) =>
    hints?.length ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...hints) }, arb) : arb;
  switch (type) {
    case 'object':
      return depth > 5 ? fc.constant({}) : objectOf(schema, known, depth);
    case 'array': {
      const items = schema.items ?? {};
      const max = Math.min(schema.maxItems ?? 3, 3);
      const min = Math.min(schema.minItems ?? 0, max);
      return fc.array(fromSchema(items, known, name, depth + 1), { minLength: min, maxLength: max });
    }
    case 'string':
      return hinted(stringOf(schema, name));
    case 'integer':
      return hinted(
        fc.integer({
          min: Math.max(schema.minimum ?? -(2 ** 31), -(2 ** 31)),
          max: Math.min(schema.maximum ?? 2 ** 31, 2 ** 31),
        }),
      );
    case 'number': {
      const min = Math.max(schema.minimum ?? -1e9, -1e9);
      const max = Math.min(schema.maximum ?? 1e9, 1e9);
      if (schema.multipleOf === 0.01)
        return fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((c) => c / 100);
      return fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const MISSING = Symbol('missing');

function objectOf(schema: Schema, known: Known, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries<Schema>(schema.properties ?? {});
  const required = new Set<string>(schema.required ?? []);
  const fields = properties.map(([key, s]) => {
    const value = fromSchema(s, known, key, depth + 1);
    // Required fields are there most of the time; optional ones about half.
    const presence = required.has(key) ? 8 : 1;
    return fc
      .oneof({ weight: presence, arbitrary: value }, { weight: 1, arbitrary: fc.constant(MISSING) })
      .map((v) => [key, v] as const);
  });
  const extras = fc.oneof(
    { weight: 6, arbitrary: fc.constant([] as [string, unknown][]) },
    {
      weight: 1,
      arbitrary: fc.array(fc.tuple(fc.oneof(hostileText, fc.string({ maxLength: 8 })), hostileJson), {
        maxLength: 2,
      }),
    },
  );
  return fc.tuple(fc.tuple(...fields), extras).map(([entries, extra]) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of entries) if (value !== MISSING) out[key] = value;
    for (const [key, value] of extra) out[key] = value;
    return out;
  });
}

function stringOf(schema: Schema, name: string): fc.Arbitrary<string> {
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
  // URLs the app may call: only the loopback (no-network.ts stops the rest anyway).
  if (/url/i.test(name))
    return fc.constantFrom('http://127.0.0.1:9/x', 'http://localhost:9', 'not a url', 'ftp://127.0.0.1/');
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 24, 24));
  if (schema.pattern === '^\\S+$')
    return fc
      .string({ minLength: Math.max(1, min), maxLength: Math.max(1, max) })
      .map((s) => s.replace(/\s/g, '_'));
  return fc.string({ minLength: min, maxLength: max });
}

/** Values just outside the schema's limits. */
function violations(schema: Schema): unknown[] {
  const out: unknown[] = [];
  if (typeof schema.minimum === 'number') out.push(schema.minimum - 1, schema.minimum - 0.001);
  if (typeof schema.maximum === 'number') out.push(schema.maximum + 1, schema.maximum * 10);
  if (typeof schema.maxLength === 'number') out.push('x'.repeat(schema.maxLength + 1));
  if (typeof schema.minLength === 'number' && schema.minLength > 0) out.push('');
  if (typeof schema.maxItems === 'number' && schema.maxItems <= 1000)
    out.push(Array.from({ length: schema.maxItems + 1 }, () => 1));
  if (schema.multipleOf) out.push(0.001, 1.005);
  return out;
}

/**
 * Bodies no schema describes: broken JSON, encodings, nesting deep enough to hurt a recursive
 * walker, prototype pollution, each sent as application/json.
 */
export function rawBodies(bodyLimit: number): { name: string; payload: string | Buffer }[] {
  return [
    { name: 'truncated JSON', payload: '{"product": {"qty": 5}' },
    { name: 'NaN literal', payload: '{"a": NaN}' },
    { name: 'single quotes', payload: "{'a': 1}" },
    { name: 'trailing garbage', payload: '{} {}' },
    { name: 'JSON null', payload: 'null' },
    { name: 'JSON number', payload: '12' },
    { name: 'JSON string', payload: '"x"' },
    { name: 'JSON array', payload: '[1,2,3]' },
    { name: 'BOM then JSON', payload: '\ufeff{}' },
    {
      name: 'invalid UTF-8',
      payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    },
    { name: 'UTF-16 JSON', payload: Buffer.from('{"a":1}', 'utf16le') },
    { name: 'NUL escaped in a key', payload: '{"\\u0000": "\\u0000"}' },
    { name: 'lone surrogate escape', payload: '{"a": "\\ud800"}' },
    {
      name: '__proto__ pollution',
      payload: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}',
    },
    { name: 'duplicate keys', payload: '{"a": 1, "a": {"b": 2}}' },
    { name: 'huge number', payload: `{"qty": 1${'0'.repeat(400)}}` },
    { name: 'arrays nested 10,000 deep', payload: deep(10_000, '[', ']') },
    { name: 'objects nested 10,000 deep', payload: deep(10_000, '{"a":', '}') },
    {
      name: 'arrays nested to the body limit',
      payload: deep(Math.floor(bodyLimit / 2) - 10, '[', ']'),
    },
    {
      name: 'a wide object',
      payload: JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]))),
    },
    { name: 'over the body limit', payload: `{"a":"${'x'.repeat(bodyLimit)}"}` },
  ];
}

/** Content types a client might send a JSON body with, or send instead of JSON. */
export const contentTypes: readonly string[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/vnd.api+json',
  'application/json, text/plain',
  'application/*',
  'image/png',
  ';;;',
];

export const accepts: readonly string[] = [
  'application/json',
  '*/*',
  'text/html',
  'application/xml',
  'text/html;q=0.9, application/json;q=0.1',
  'application/json;q=0',
  ',,,',
  'x'.repeat(2_000),
];

/**
 * One value of the schema, deterministic and as full as the schema allows (every property, one
 * item per array), so that a single field can be made hostile while the rest stays valid.
 */
export function exampleOf(schema: Schema, depth = 0): unknown {
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches) && branches.length > 0) {
    // Prefer an object branch: it has fields to aim at.
    const branch = branches.find((b: Schema) => b.type === 'object') ?? branches[0];
    return exampleOf(branch, depth);
  }
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      if (depth > 6) return {};
      return Object.fromEntries(
        Object.entries<Schema>(schema.properties ?? {}).map(([k, s]) => [k, exampleOf(s, depth + 1)]),
      );
    case 'array':
      return schema.items ? [exampleOf(schema.items, depth + 1)] : [];
    case 'string':
      if (schema.format === 'date-time') return '2026-01-31T12:00:00-03:00';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
      return Math.max(1, schema.minimum ?? 1);
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'x';
  }
}

/** Paths (property names and array index 0) to every text field of a value built by exampleOf. */
export function textPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.length ? textPaths(value[0], [...path, 0]) : [];
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => textPaths(v, [...path, k]));
  return [];
}

/** A deep copy of value with the field at path replaced. */
export function withField(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head!] = withField(copy[head!], rest, replacement);
  return copy;
}

/** Text every field must refuse or store harmlessly: never a 5xx. */
export const textFieldProbes: readonly string[] = [
  'a\u0000b',
  '\ud800x',
  "x' OR '1'='1' --",
  'x'.repeat(100_000),
];
