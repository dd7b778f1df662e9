/**
 * Amazon's own definitions, as the simulator checks every request against them: the SP-API
 * models' `definitions` and operation `parameters` (copies cut from
 * amzn/selling-partner-api-models in `spec/`, see spec/README.md) validated with ajv, plus the
 * rules the models state only in descriptions, written here next to the sentence they come from.
 * Each check answers issues (`{path, message}`); the routes record them in the conformance ledger
 * and refuse what Amazon refuses.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyRequest } from 'fastify';
import type { ConformanceLedger } from '../core/conformance.ts';
import type { SchemaIssue } from '../core/validate.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface SwaggerParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'body' | 'header';
  readonly required?: boolean;
  readonly type?: string;
  readonly items?: Record<string, unknown>;
  readonly collectionFormat?: string;
  readonly schema?: { $ref: string };
  readonly [rule: string]: unknown;
}

interface ModelCut {
  readonly definitions: Record<string, unknown>;
  readonly operations: Record<string, readonly SwaggerParameter[]>;
}

function load(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./spec/${name}`, import.meta.url), 'utf8'));
}

const ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateFormats: true }));

const MODELS: Record<string, ModelCut> = {
  listings: load('listings-items-2021-08-01.json') as ModelCut,
  feeds: load('feeds-2021-06-30.json') as ModelCut,
  orders: load('orders-2026-01-01.json') as ModelCut,
};

/** `listings.patchListingsItem` → the model's parameters. */
function parametersOf(operation: string): readonly SwaggerParameter[] {
  const [model, name] = operation.split('.') as [string, string];
  const parameters = MODELS[model]?.operations[name];
  if (parameters === undefined) throw new Error(`no Amazon operation ${operation} in simulator/amazon/spec`);
  return parameters;
}

const bodyValidators = new Map<string, ValidateFunction>();

function bodyValidator(operation: string): ValidateFunction | null {
  const cached = bodyValidators.get(operation);
  if (cached !== undefined) return cached;
  const body = parametersOf(operation).find((parameter) => parameter.in === 'body');
  if (body?.schema === undefined) return null;
  const model = MODELS[operation.split('.')[0]!]!;
  const validate = ajv.compile({ $ref: body.schema.$ref, definitions: model.definitions });
  bodyValidators.set(operation, validate);
  return validate;
}

function fromAjv(errors: readonly ErrorObject[] | null | undefined, prefix = ''): SchemaIssue[] {
  return (errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
    return { path: `${prefix}${error.instancePath}${missing}`, message: error.message ?? error.keyword };
  });
}

/** Swagger 2.0 query values are text: csv arrays split, integers and booleans read, then checked. */
function queryValue(parameter: SwaggerParameter, raw: string): unknown {
  if (parameter.type === 'array') return raw.split(',');
  if (parameter.type === 'integer' || parameter.type === 'number')
    return raw.trim() === '' ? raw : Number(raw);
  if (parameter.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

const parameterValidators = new Map<SwaggerParameter, ValidateFunction>();

function parameterValidator(parameter: SwaggerParameter): ValidateFunction {
  let validate = parameterValidators.get(parameter);
  if (validate === undefined) {
    const {
      name: _name,
      in: _in,
      required: _required,
      collectionFormat: _csv,
      description: _d,
      ...schema
    } = parameter;
    validate = ajv.compile(schema);
    parameterValidators.set(parameter, validate);
  }
  return validate;
}

/**
 * The request's query and body against the operation's parameters. A missing required query
 * parameter reads like Amazon's own message, `Missing required parameter 'marketplaceIds'.`
 */
export function requestIssues(operation: string, request: FastifyRequest): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const query = (request.query ?? {}) as Record<string, string | undefined>;
  for (const parameter of parametersOf(operation)) {
    if (parameter.in !== 'query') continue;
    const raw = query[parameter.name];
    if (raw === undefined) {
      if (parameter.required === true) {
        issues.push({
          path: `/query/${parameter.name}`,
          message: `Missing required parameter '${parameter.name}'.`,
        });
      }
      continue;
    }
    const validate = parameterValidator(parameter);
    if (!validate(queryValue(parameter, raw)))
      issues.push(...fromAjv(validate.errors, `/query/${parameter.name}`));
  }
  const validate = bodyValidator(operation);
  if (validate !== null && !validate(request.body ?? undefined)) issues.push(...fromAjv(validate.errors));
  return issues;
}

/** [doc: developer-docs "include a User-Agent header"] every SP-API call names its application. */
export function headerIssues(request: FastifyRequest): SchemaIssue[] {
  const agent = request.headers['user-agent'];
  if (typeof agent === 'string' && agent.trim() !== '') return [];
  return [
    { path: '/headers/user-agent', message: 'must be present: every SP-API request carries a User-Agent' },
  ];
}

/**
 * Rules of patchListingsItem stated only in the model's descriptions:
 * - "Only top-level listings item attributes can be patched" (the operation's description);
 * - `includedData=identifiers` "Can only be requested when `mode` is `VALIDATION_PREVIEW`";
 * - RFC 6902 (which `op` refers to): `add`, `replace` (and `merge`) carry a `value`.
 */
export function patchDescriptionIssues(request: FastifyRequest): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const query = (request.query ?? {}) as Record<string, string | undefined>;
  if ((query.includedData ?? '').split(',').includes('identifiers') && query.mode !== 'VALIDATION_PREVIEW') {
    issues.push({
      path: '/query/includedData',
      message: "'identifiers' can only be requested when mode is VALIDATION_PREVIEW",
    });
  }
  const patches = (request.body as { patches?: unknown } | null)?.patches;
  if (!Array.isArray(patches)) return issues;
  patches.forEach((patch: { op?: unknown; path?: unknown; value?: unknown } | null, index) => {
    if (typeof patch?.path === 'string' && !/^\/attributes\/[^/]+$/.test(patch.path)) {
      issues.push({
        path: `/patches/${index}/path`,
        message: 'only top-level attributes (/attributes/<name>) can be patched',
      });
    }
    if (patch?.op !== 'delete' && patch?.value === undefined && typeof patch?.op === 'string') {
      issues.push({ path: `/patches/${index}/value`, message: `'${patch.op}' needs a value` });
    }
  });
  return issues;
}

/**
 * getFeeds, from its parameters' descriptions: "Either feedTypes or nextToken is required", and
 * nextToken is "the only parameter" ("Specifying nextToken with any other parameters will cause
 * the request to fail").
 */
export function getFeedsDescriptionIssues(request: FastifyRequest): SchemaIssue[] {
  const query = (request.query ?? {}) as Record<string, string | undefined>;
  if (query.nextToken === undefined) {
    return query.feedTypes === undefined
      ? [{ path: '/query/feedTypes', message: 'feedTypes or nextToken is required' }]
      : [];
  }
  const others = Object.keys(query).filter((name) => name !== 'nextToken');
  return others.length === 0
    ? []
    : [
        {
          path: '/query/nextToken',
          message: `nextToken must be the only parameter (also given: ${others.join(', ')})`,
        },
      ];
}

const feedDocument = ajv.compile(load('listings-feed-schema-v2.json') as object);

/** A JSON_LISTINGS_FEED document against `schemas/feeds/listings-feed-schema-v2.json`. */
export function feedDocumentIssues(document: unknown): SchemaIssue[] {
  return feedDocument(document) ? [] : fromAjv(feedDocument.errors);
}

/**
 * Records one SP-API request's verdict in the ledger (`operation` is the simulator's name, `spec`
 * the model's, e.g. `listings.patchListingsItem`; null: an operation without parameters) and
 * answers its issues. The routes still refuse in Amazon's own words; the User-Agent is only
 * recorded, since Amazon's answer to a request without one is not documented.
 */
export function judgeAm(
  ledger: ConformanceLedger,
  request: FastifyRequest,
  operation: string,
  spec: string | null,
  extra: readonly SchemaIssue[] = [],
): readonly SchemaIssue[] {
  const issues = [...headerIssues(request), ...(spec === null ? [] : requestIssues(spec, request)), ...extra];
  return ledger.check(request, 'amazon', operation, issues);
}
