/**
 * M5: a variation's attributes as its category's attribute ids. [2nd] ML takes
 * `attribute_combinations[].id` from `GET /categories/{id}/attributes` (those tagged
 * `allow_variations`), not the ERP's free names; the ERP's "Tamanho" or "size" is mapped to SIZE
 * by id or by ML's name, ignoring case and accents, and a name that matches none is refused
 * before any item is created, naming it and what the category takes.
 */
import type { ChannelContext } from '../adapter.ts';
import { FailureClass } from '../errors.ts';
import type { MlApi, MlCategoryAttribute } from './api.ts';
import { asArray, asObject, str } from './api.ts';
import { mlChannelError } from './errors.ts';
import { ML_CATEGORY_ATTRIBUTES } from './facts.ts';

export async function categoryAttributes(
  api: MlApi,
  ctx: ChannelContext,
  categoryId: string,
): Promise<readonly MlCategoryAttribute[]> {
  const known = api.memo.categories.get(categoryId);
  if (known !== undefined && Date.now() - known.at < ML_CATEGORY_ATTRIBUTES.ttlMs) return known.attributes;
  const body = await api.call(ctx, {
    operation: 'read',
    method: 'GET',
    path: `/categories/${encodeURIComponent(categoryId)}/attributes`,
  });
  const attributes = asArray(body).map((entry) => {
    const raw = asObject(entry, 'category attribute');
    const tags =
      typeof raw.tags === 'object' && raw.tags !== null ? (raw.tags as Record<string, unknown>) : {};
    return { id: str(raw.id) ?? '', name: str(raw.name) ?? '', variation: tags.allow_variations === true };
  });
  api.memo.categories.set(categoryId, { attributes, at: Date.now() });
  return attributes;
}

function normal(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();
}

/** ERP attribute name → the category's variation attribute id; throws naming the unmatched ones. */
export function mapVariationAttributes(
  categoryId: string,
  attributes: readonly MlCategoryAttribute[],
  names: readonly string[],
): Map<string, string> {
  const variationAttributes = attributes.filter((attribute) => attribute.variation);
  const mapped = new Map<string, string>();
  const unmatched: string[] = [];
  for (const name of names) {
    const match = variationAttributes.find(
      (attribute) => normal(attribute.id) === normal(name) || normal(attribute.name) === normal(name),
    );
    if (match === undefined) unmatched.push(name);
    else mapped.set(name, match.id);
  }
  if (unmatched.length > 0) {
    const allowed = variationAttributes.map((attribute) => `${attribute.id} (${attribute.name})`).join(', ');
    throw mlChannelError(
      FailureClass.permanent,
      'ml.variation_attribute_unknown',
      `Variation attribute ${unmatched.map((name) => `"${name}"`).join(', ')} is not a variation attribute of Mercado Livre category ${categoryId}; it takes ${allowed || 'no variations'}`,
    );
  }
  return mapped;
}
