/**
 * Shopee's own definitions, as the simulator checks every request against them: the
 * `request_params` trees of open.shopee.com's API documents (a copy in spec/request-params.json,
 * see spec/README.md) walked for `required`, `type` and nesting, plus the rules the documents state
 * only in descriptions ("Length should be between 1 to 50."). GET parameters are text in the query
 * (numbers and booleans read from it, lists comma-separated or repeated); POST bodies are JSON and
 * checked as they are. A violation is answered as the documents list it: `error_param` "Wrong
 * parameters, detail: …" in an HTTP-200 envelope.
 */
import { readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { ConformanceLedger } from '../core/conformance.ts';
import type { SchemaIssue } from '../core/validate.ts';
import type { SpFailure } from './errors.ts';
import { paramError } from './errors.ts';

interface Param {
  readonly name: string;
  readonly type: string;
  readonly required: string | null;
  readonly description?: string;
  readonly children?: readonly Param[];
}

interface ApiDoc {
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly request_params: readonly Param[];
}

const DOCS = (
  JSON.parse(readFileSync(new URL('./spec/request-params.json', import.meta.url), 'utf8')) as {
    apis: Record<string, ApiDoc>;
  }
).apis;

function docOf(api: string): ApiDoc {
  const doc = DOCS[api];
  if (doc === undefined) throw new Error(`no Shopee API ${api} in simulator/shopee/spec`);
  return doc;
}

const INTEGER = new Set(['int', 'int32', 'int64', 'uint32', 'uint64', 'timestamp']);

/** [doc] "Length should be between 1 to 50." — a list's bounds, stated only in its description. */
function lengthRule(param: Param): { min: number; max: number } | null {
  const match = /length should be between (\d+) (?:to|and) (\d+)/i.exec(param.description ?? '');
  return match === null ? null : { min: Number(match[1]), max: Number(match[2]) };
}

function typeIssue(path: string, type: string): SchemaIssue {
  return { path, message: `must be ${type}` };
}

/** A JSON value against its documented type. */
function checkValue(param: Param, value: unknown, path: string, issues: SchemaIssue[]): void {
  const type = param.type;
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return void issues.push(typeIssue(path, type));
    const rule = lengthRule(param);
    if (rule !== null && (value.length < rule.min || value.length > rule.max)) {
      issues.push({ path, message: `length should be between ${rule.min} to ${rule.max}` });
    }
    const element: Param = { ...param, type: type.slice(0, -2), description: '' };
    for (const [index, entry] of value.entries()) checkValue(element, entry, `${path}/${index}`, issues);
    return;
  }
  if (INTEGER.has(type)) {
    if (typeof value !== 'number' || !Number.isInteger(value)) issues.push(typeIssue(path, type));
  } else if (type === 'float' || type === 'double') {
    if (typeof value !== 'number' || !Number.isFinite(value)) issues.push(typeIssue(path, type));
  } else if (type === 'string') {
    if (typeof value !== 'string') issues.push(typeIssue(path, type));
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') issues.push(typeIssue(path, type));
  } else if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      issues.push(typeIssue(path, type));
    else checkObject(param.children ?? [], value as Record<string, unknown>, path, issues);
  }
}

function checkObject(
  params: readonly Param[],
  value: Record<string, unknown>,
  path: string,
  issues: SchemaIssue[],
): void {
  for (const param of params) {
    const child = value[param.name];
    if (child === undefined || child === null) {
      if (param.required === 'True') issues.push({ path: `${path}/${param.name}`, message: 'is required' });
      continue;
    }
    checkValue(param, child, `${path}/${param.name}`, issues);
  }
}

/** A query value (text, or several when repeated) read as its documented type. */
function fromQuery(param: Param, raw: string | string[]): unknown {
  const type = param.type;
  if (type.endsWith('[]')) {
    const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((part) => part.split(','));
    return parts.map((part) => fromQuery({ ...param, type: type.slice(0, -2) }, part));
  }
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  if (INTEGER.has(type)) return /^-?\d+$/.test(text) ? Number(text) : text;
  if (type === 'float' || type === 'double')
    return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

/** The request's parameters (query for GET, JSON body for POST) against the API's tree. */
export function spRequestIssues(api: string, request: FastifyRequest): SchemaIssue[] {
  const doc = docOf(api);
  const issues: SchemaIssue[] = [];
  if (doc.method === 'POST') {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return [{ path: '', message: 'the body must be a JSON object' }];
    }
    checkObject(doc.request_params, body as Record<string, unknown>, '', issues);
    return issues;
  }
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  const read: Record<string, unknown> = {};
  for (const param of doc.request_params) {
    const raw = query[param.name];
    if (raw !== undefined) read[param.name] = fromQuery(param, raw);
  }
  checkObject(doc.request_params, read, '', issues);
  return issues;
}

/**
 * Records the request's verdict in the ledger (`operation` is the simulator's name, `api` the
 * document's, e.g. `v2.product.update_stock`) and answers the refusal Shopee's documents list for
 * a parameter that does not fit, or null.
 */
export function judgeSp(
  ledger: ConformanceLedger,
  request: FastifyRequest,
  operation: string,
  api: string,
): SpFailure | null {
  const issues = ledger.check(request, 'shopee', operation, spRequestIssues(api, request));
  const first = issues[0];
  if (first === undefined) return null;
  return paramError(
    `Wrong parameters, detail: ${first.path.slice(1).replaceAll('/', '.')} ${first.message}.`,
  );
}
