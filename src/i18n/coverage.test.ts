/**
 * Every error Cais can answer has a sentence in Portuguese: each place in src/ that makes a
 * CaisError names a stable code the catalogue knows (for `invalid_field`, a rule it knows), and
 * passes every parameter the Portuguese sentence needs. Otherwise a seller on a pt-BR console
 * (or an ERP asking `Accept-Language: pt-BR`) reads English, or a generic "refused".
 *
 * The check reads the source, since no run of the suite reaches every throw: a new `throw
 * invalid('…')` without a code fails here, naming the file and line.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { errorTexts, fieldRuleTexts } from './errors.ts';

const srcDir = join(import.meta.dirname, '..');

/** The makers of CaisErrors: the helpers of errors.ts and the local wrappers that take a code. */
const makers =
  /\b(invalid|unprocessable|notFound|conflict|unauthorized|unavailable|rateLimited|forbidden|missing|new CaisError)\(/g;

/**
 * Places whose code is not a literal, each with why its sentence exists anyway. A new entry needs
 * the same kind of reason.
 */
const computedCodes: Record<string, string> = {
  // The one-line wrappers that receive their code from the call site (which this test checks).
  'errors.ts': 'the helpers themselves',
  'http/account.ts:forbidden': 'wrapper; its calls pass a literal code',
  'http/session.ts:forbidden': 'wrapper; its calls pass a literal code',
  'http/seller-auth.ts:missing': 'wrapper; its calls pass a literal code',
  // `connection_${status}`: connection_pending, connection_auth_failed, connection_disabled.
  'listings/listings.ts': 'connection_<status>, each status has its sentence (checked below)',
  // The adapter's own ChannelError code and marketplace message, with the adapter's hint.
  'connections/connections.ts:consentUrl': 'an adapter hint code: src/i18n/hints.ts covers those',
  // promo_above_price or price_required, given by the write statement (stock-price.ts).
  'catalog/products.ts:priceRejected': 'the code priceRejection gave the refused price',
};

interface Site {
  where: string;
  callee: string;
  code: string | undefined;
  literal: boolean;
  paramKeys: string[] | undefined;
  rule: string | undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** The text from `open` (just past an opening bracket) to its matching close. */
function balanced(text: string, open: number): string {
  let depth = 1;
  let i = open;
  while (depth > 0 && i < text.length) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    i++;
  }
  return text.slice(open, i - 1);
}

/** Top-level keys of an object literal's body (`a: 1, b, [c]: …`). */
function topLevelKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let part = '';
  for (const c of `${body},`) {
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === ',' && depth === 0) {
      const key = /^\s*(\w+)/.exec(part)?.[1];
      if (key) keys.push(key);
      part = '';
    } else part += c;
  }
  return keys;
}

function enclosingFunction(text: string, index: number): string | undefined {
  const before = text.slice(0, index);
  const names = [...before.matchAll(/(?:function\s+(\w+)|const\s+(\w+)\s*=)/g)];
  const last = names.at(-1);
  return last?.[1] ?? last?.[2];
}

function sitesOf(path: string): Site[] {
  const text = readFileSync(path, 'utf8');
  const file = relative(srcDir, path);
  const sites: Site[] = [];
  for (const match of text.matchAll(makers)) {
    const callee = match[1]!;
    const start = match.index + match[0].length;
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    // Definitions (`function invalid(`, `const missing = (`) are not calls.
    if (/function\s+$/.test(before) || (callee === 'missing' && /=\s*$/.test(before))) continue;
    const args = balanced(text, start);
    const line = text.slice(0, match.index).split('\n').length;
    const named = /\bcode: '([\w.]+)'/.exec(args)?.[1];
    const positional = /^\s*(?:'[^']*'|`[^`]*`)\s*,\s*'([\w.]+)'\s*,?\s*$/s.exec(args)?.[1];
    const computed = /\bcode(?:: [^,}]+)?[,}\s]/.test(args) && !named;
    const paramsAt = /\bparams: \{/.exec(args);
    const paramsExpression = /\bparams: (?!\{)/.test(args);
    sites.push({
      where: `${file}:${line}${enclosingFunction(text, match.index) ? ` (${enclosingFunction(text, match.index)})` : ''}`,
      callee,
      code: named ?? positional,
      literal: Boolean(named ?? positional) || !computed,
      paramKeys: paramsAt
        ? topLevelKeys(balanced(args, paramsAt.index + paramsAt[0].length))
        : paramsExpression
          ? undefined
          : [],
      rule: /\brule: '(\w+)'/.exec(args)?.[1],
    });
  }
  return sites;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

function allowed(site: Site): boolean {
  const [file] = site.where.split(':');
  const fn = /\((\w+)\)$/.exec(site.where)?.[1];
  return computedCodes[file!] !== undefined || computedCodes[`${file}:${fn}`] !== undefined;
}

describe('every error has Portuguese words', () => {
  const sites = sourceFiles(srcDir).flatMap(sitesOf);

  it('finds the places that make errors (the scan itself works)', () => {
    assert.ok(sites.length > 100, `only ${sites.length} places found`);
    assert.ok(sites.some((s) => s.code === 'product_not_found'));
  });

  it('gives each error a code whose sentence exists in Portuguese', () => {
    const problems: string[] = [];
    for (const site of sites) {
      if (allowed(site)) continue;
      if (!site.code) {
        problems.push(
          `${site.where}: ${site.callee}(…) has no code (add one and its sentence in src/i18n/errors.ts)`,
        );
        continue;
      }
      if (site.code === 'invalid_field') {
        // Computed from the schema's error or the problem found (validation.ts).
        if (site.paramKeys === undefined || (site.paramKeys.includes('rule') && !site.rule)) continue;
        if (!site.rule || !fieldRuleTexts[site.rule]) {
          problems.push(
            `${site.where}: invalid_field needs params.rule among the known rules (got ${site.rule})`,
          );
          continue;
        }
        const missing = placeholders(fieldRuleTexts[site.rule]!['pt-BR']).filter(
          (p) => !site.paramKeys!.includes(p),
        );
        if (missing.length > 0)
          problems.push(`${site.where}: rule ${site.rule} needs params ${missing.join(', ')}`);
        continue;
      }
      const texts = errorTexts[site.code];
      if (!texts) {
        problems.push(`${site.where}: code ${site.code} has no sentence in src/i18n/errors.ts`);
        continue;
      }
      if (site.paramKeys === undefined) continue;
      const missing = placeholders(texts['pt-BR']).filter((p) => !site.paramKeys!.includes(p));
      if (missing.length > 0) problems.push(`${site.where}: ${site.code} needs params ${missing.join(', ')}`);
    }
    assert.deepEqual(problems, []);
  });

  it('has a sentence for each connection status an error can name', () => {
    for (const status of ['pending', 'auth_failed', 'disabled']) {
      assert.ok(errorTexts[`connection_${status}`], `connection_${status}`);
    }
  });
});
