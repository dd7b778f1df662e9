/**
 * Request validation. Bodies are checked strictly (no type coercion: `"qty": true` is an error,
 * not 1); query strings and path parameters are coerced, since everything there is text.
 * Every failure becomes one message naming the field and the rule, e.g. `product.qty: must be >= 0`.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
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
  return addFormats(ajv);
}

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

/** Validates value against schema, throwing an `invalid` CaisError with a field-naming message. */
export function validate<T>(schema: TSchema, value: unknown, path: string): T {
  let check = compiled.get(schema);
  if (!check) {
    check = strictAjv.compile(schema);
    compiled.set(schema, check);
  }
  if (!check(value)) throw invalid(describeErrors(check.errors ?? [], path), { code: 'invalid_field' });
  return value as T;
}

export function describeErrors(errors: readonly ErrorObject[], root: string): string {
  const first = errors[0];
  if (!first) return `${root || 'body'}: is invalid`;
  return describeError(first, root);
}

function describeError(error: ErrorObject, root: string): string {
  const at = joinPath(root, error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${joinField(at, String(params.additionalProperty))}: is not a known field`;
    case 'required':
      return `${joinField(at, String(params.missingProperty))}: is required`;
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

function joinPath(root: string, instancePath: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = root;
  for (const part of parts) path = /^\d+$/.test(part) ? `${path}[${part}]` : joinField(path, part);
  return path || 'body';
}

const joinField = (path: string, field: string) => (path ? `${path}.${field}` : field);
