/**
 * Request validation. Bodies are checked strictly (no type coercion: `"qty": true` is an error,
 * not 1); query strings and path parameters are coerced, since everything there is text.
 * Every failure becomes one message naming the field and the rule, e.g. `product.qty: must be >= 0`.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { invalid } from '../errors.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
    // Money is checked with multipleOf 0.01; floats need a tolerance (0.07 / 0.01 is 7.000000000000001).
    multipleOfPrecision: 9,
  });
  addFormats(ajv);
  // RFC 3339 allows stamps PostgreSQL's timestamptz refuses (year 0000, offsets beyond ±15:59);
  // they must be a 400 here, not a database error later.
  const rfc3339 = ajv.formats['date-time'] as { validate: (value: string) => boolean };
  ajv.addFormat('date-time', {
    ...rfc3339,
    validate: (value: string) => rfc3339.validate(value) && storableDateTime.test(value),
  });
  return ajv;
}

const storableDateTime = /^(?!0000)\d{4}-.*(?:z|[+-](?:0\d|1[0-5])(?::?\d\d)?)$/i;

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  return ajv.compile(schema);
};

/** For routes that unwrap the body themselves and then call `validate`. */
export const bodyCheckedByHandler: FastifySchemaCompiler<TSchema> = (route) =>
  route.httpPart === 'body' ? () => true : validatorCompiler(route);

const compiled = new WeakMap<TSchema, ValidateFunction>();

/**
 * Validates value against schema, throwing an `invalid` CaisError with a field-naming message;
 * the value's type is the schema's (`Static<typeof schema>`), whatever the call's context.
 */
export function validate<S extends TSchema>(schema: S, value: unknown, path: string): Static<S> {
  let check = compiled.get(schema);
  if (!check) {
    check = strictAjv.compile(schema);
    compiled.set(schema, check);
  }
  if (!check(value)) {
    const errors = check.errors ?? [];
    throw invalid(describeErrors(errors, path), { code: 'invalid_field', params: fieldRule(errors, path) });
  }
  return value as Static<S>;
}

/** `whole` names the value itself in messages (`body: must be object`); '' for query and path. */
export function describeErrors(errors: readonly ErrorObject[], root: string, whole = 'body'): string {
  const first = errors[0];
  if (!first) return `${root || whole || 'request'}: is invalid`;
  return describeError(first, root, errors, whole);
}

function describeError(error: ErrorObject, root: string, all: readonly ErrorObject[], whole: string): string {
  const field = joinPath(root, error.instancePath, whole);
  const at = field || 'request';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'const': {
      // A union of literals (`"enabled" | "disabled"`) fails once per literal: list them all.
      const allowed = all
        .filter((e) => e.keyword === 'const' && e.instancePath === error.instancePath)
        .map((e) => JSON.stringify(e.params.allowedValue));
      return `${at}: must be ${allowed.length > 1 ? 'one of ' : ''}${allowed.join(', ')}`;
    }
    case 'additionalProperties':
      return `${joinField(field, String(params.additionalProperty))}: is not a known field`;
    case 'required':
      return `${joinField(field, String(params.missingProperty))}: is required`;
    case 'multipleOf':
      return params.multipleOf === 0.01
        ? `${at}: must have at most 2 decimal places`
        : `${at}: must be a multiple of ${params.multipleOf}`;
    case 'pattern':
      return params.pattern === '^\\S+$'
        ? `${at}: must not be empty or contain whitespace`
        : `${at}: ${error.message}`;
    case 'format':
      return `${at}: must be a valid ${params.format} (e.g. 2026-01-31T12:00:00-03:00)`;
    case 'anyOf':
    case 'oneOf':
      return `${at}: has the wrong type or value`;
    default:
      return `${at}: ${error.message ?? 'is invalid'}`;
  }
}

/**
 * The same first failure as describeErrors, as parameters a translated sentence needs: the field,
 * the rule broken (`required`, `minimum`, `max_length`…) and its limit or allowed values.
 */
export function fieldRule(
  errors: readonly ErrorObject[],
  root: string,
  whole = 'body',
): Record<string, string | number | string[]> {
  const first = errors[0];
  if (!first) return { field: root || whole || 'request', rule: 'invalid' };
  const field = joinPath(root, first.instancePath, whole) || 'request';
  const params = first.params as Record<string, unknown>;
  switch (first.keyword) {
    case 'required':
      return { field: joinField(field, String(params.missingProperty)), rule: 'required' };
    case 'additionalProperties':
      return { field: joinField(field, String(params.additionalProperty)), rule: 'unknown_field' };
    case 'const': {
      const allowed = errors
        .filter((e) => e.keyword === 'const' && e.instancePath === first.instancePath)
        .map((e) => String(e.params.allowedValue));
      return { field, rule: 'one_of', allowed };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { field, rule: snakeCase(first.keyword), limit: Number(params.limit) };
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return { field, rule: snakeCase(first.keyword), limit: Number(params.limit) };
    case 'multipleOf':
      return params.multipleOf === 0.01
        ? { field, rule: 'decimals', limit: 2 }
        : { field, rule: 'multiple_of', limit: Number(params.multipleOf) };
    case 'type':
      return { field, rule: 'type', type: String(params.type) };
    case 'format':
      return { field, rule: 'format', format: String(params.format) };
    case 'pattern':
      return { field, rule: params.pattern === '^\\S+$' ? 'no_whitespace' : 'pattern' };
    default:
      return { field, rule: 'invalid' };
  }
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate (`"\ud800"` in JSON) is not
 * Unicode at all: either would fail deep in the database (a 500) or be silently mangled, so they
 * are refused up front, naming the field. Answers where the first such text is (the keys and
 * indexes leading to it, collected on the way back out, so a clean body costs no strings) and
 * which rule it breaks, or undefined when all is well.
 */
function locateUnstorableText(
  value: unknown,
): { path: (string | number)[]; rule: 'no_nul' | 'well_formed' } | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path: [], rule: 'no_nul' };
    if (!value.isWellFormed()) return { path: [], rule: 'well_formed' };
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = locateUnstorableText(value[i]);
      if (found) return { ...found, path: [i, ...found.path] };
    }
    return undefined;
  }
  for (const key in value) {
    const found = locateUnstorableText(key) ?? locateUnstorableText((value as Record<string, unknown>)[key]);
    if (found) return { ...found, path: [key, ...found.path] };
  }
  return undefined;
}

/** A preValidation hook: path parameters, query string and body, in that order. */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const found =
    locateUnstorableText(request.params) ??
    locateUnstorableText(request.query) ??
    locateUnstorableText(request.body);
  if (!found) return;
  let field = '';
  for (const part of found.path)
    field = typeof part === 'number' ? `${field || 'body'}[${part}]` : joinField(field, part);
  field ||= 'body';
  const message =
    found.rule === 'no_nul'
      ? `${field}: must not contain the NUL character (\\u0000)`
      : `${field}: must be valid Unicode (it has a lone surrogate)`;
  throw invalid(message, { code: 'invalid_field', params: { field, rule: found.rule } });
}

function joinPath(root: string, instancePath: string, whole = 'body'): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = root;
  for (const part of parts) path = /^\d+$/.test(part) ? `${path}[${part}]` : joinField(path, part);
  return path || whole;
}

const joinField = (path: string, field: string) => (path ? `${path}.${field}` : field);
