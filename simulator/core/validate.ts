import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { invalid } from './control-error.ts';

export interface SchemaIssue {
  /** JSON pointer of the offending value, e.g. `/variations/0/id`. */
  readonly path: string;
  readonly message: string;
}

export interface Checker<T extends TSchema> {
  check(value: unknown): value is Static<T>;
  issues(value: unknown): SchemaIssue[];
}

/** Compiles a TypeBox schema once; marketplaces turn the issues into their own error bodies. */
export function checker<T extends TSchema>(schema: T): Checker<T> {
  const compiled = Compile(schema);
  return {
    check: (value: unknown): value is Static<T> => compiled.Check(value),
    issues: (value: unknown) =>
      [...compiled.Errors(value)]
        .filter((error) => error.keyword !== 'boolean')
        .map((error) => ({ path: error.instancePath, message: error.message })),
  };
}

/** Validates a control API body, answering 400 with every issue when it does not fit. */
export function parseControl<T extends TSchema>(check: Checker<T>, value: unknown): Static<T> {
  const body = value ?? {};
  if (check.check(body)) return body;
  const detail = check
    .issues(body)
    .map((issue) => `${issue.path || '(body)'} ${issue.message}`)
    .join('; ');
  throw invalid(`invalid body: ${detail}`);
}

const REQUIRED = /^must have required propert(?:y|ies) (.+)$/;

/**
 * One issue per missing property (`/brand is required`) instead of TypeBox's single
 * "must have required properties a, b" on the parent: marketplaces name each missing field.
 */
export function perField(issues: readonly SchemaIssue[]): SchemaIssue[] {
  return issues.flatMap((issue) => {
    const match = REQUIRED.exec(issue.message);
    if (match === null) return [issue];
    return match[1]!.split(', ').map((name) => ({ path: `${issue.path}/${name}`, message: 'is required' }));
  });
}
