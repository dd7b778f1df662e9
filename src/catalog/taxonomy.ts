/** SkyHub's category and attribute endpoints (kept for old integrations that still call them). */
import type { Queryable } from '../db/db.ts';
import { notFound } from '../errors.ts';

export interface Category {
  code: string;
  name: string;
}

export function listCategories(db: Queryable, accountId: number): Promise<Category[]> {
  return db.query<Category>('SELECT code, name FROM categories WHERE account_id = $1 ORDER BY code', [
    accountId,
  ]);
}

/** Creates or renames categories (SkyHub clients send one, some an array). */
export async function saveCategories(
  db: Queryable,
  accountId: number,
  categories: readonly Category[],
): Promise<void> {
  await db.query(
    `INSERT INTO categories (account_id, code, name)
     SELECT $1, c.code, c.name FROM unnest($2::text[], $3::text[]) AS c(code, name)
     ON CONFLICT (account_id, code) DO UPDATE SET name = excluded.name`,
    [accountId, categories.map((c) => c.code), categories.map((c) => c.name)],
  );
}

export async function renameCategory(
  db: Queryable,
  accountId: number,
  code: string,
  name: string,
): Promise<void> {
  const rows = await db.query(
    'UPDATE categories SET name = $3 WHERE account_id = $1 AND code = $2 RETURNING code',
    [accountId, code, name],
  );
  if (rows.length === 0) throw categoryNotFound(code);
}

export async function removeCategory(db: Queryable, accountId: number, code: string): Promise<void> {
  const rows = await db.query('DELETE FROM categories WHERE account_id = $1 AND code = $2 RETURNING code', [
    accountId,
    code,
  ]);
  if (rows.length === 0) throw categoryNotFound(code);
}

// SkyHub's own words (in Portuguese whatever the language asked), which SkyHub clients match on.
const categoryNotFound = (code: string) =>
  notFound(`Não foi possível encontrar Category: ${code}`, { code: 'category_not_found', params: { code } });

export interface Attribute {
  name: string;
  label: string;
  options: string[];
}

export function listAttributes(db: Queryable, accountId: number): Promise<Attribute[]> {
  return db.query<Attribute>(
    'SELECT name, label, options FROM attributes WHERE account_id = $1 ORDER BY name',
    [accountId],
  );
}

export async function saveAttribute(db: Queryable, accountId: number, attribute: Attribute): Promise<void> {
  await db.query(
    `INSERT INTO attributes (account_id, name, label, options) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id, name) DO UPDATE SET label = excluded.label, options = excluded.options`,
    [accountId, attribute.name, attribute.label, JSON.stringify(attribute.options)],
  );
}

export async function updateAttribute(
  db: Queryable,
  accountId: number,
  name: string,
  patch: { label?: string | undefined; options?: string[] | undefined },
): Promise<void> {
  const rows = await db.query(
    `UPDATE attributes SET label = coalesce($3, label), options = coalesce($4::jsonb, options)
      WHERE account_id = $1 AND name = $2 RETURNING name`,
    [accountId, name, patch.label ?? null, patch.options ? JSON.stringify(patch.options) : null],
  );
  if (rows.length === 0)
    throw notFound(`Não foi possível encontrar Attribute: ${name}`, {
      code: 'attribute_not_found',
      params: { name },
    });
}
