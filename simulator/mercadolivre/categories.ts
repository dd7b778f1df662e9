/**
 * Categories and their attributes (M5, facts.ts ML_CATEGORIES): `GET /categories/{id}/attributes`
 * and the check that a new item names its category's attribute ids, not free names.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConformanceLedger } from '../core/conformance.ts';
import { judgeByStatus } from './deps.ts';
import type { MlCause } from './errors.ts';
import { mlCause, mlNotFound, sendMlError } from './errors.ts';
import { ML_CATEGORIES } from './facts.ts';

interface AttributeRef {
  readonly id: string;
}

/** `GET /categories/{id}/attributes` [doc]: `tags.allow_variations` marks the variation ones. */
function attributesBody(categoryId: string) {
  const category = ML_CATEGORIES[categoryId];
  if (category === undefined) return null;
  return category.attributes.map((attribute) => ({
    id: attribute.id,
    name: attribute.name,
    value_type: 'string',
    tags: attribute.variation ? { allow_variations: true } : {},
  }));
}

/** Refusals of a new item's category and variation attributes (empty when it fits). */
export function categoryCauses(
  categoryId: string,
  variations: readonly { attribute_combinations?: readonly AttributeRef[] | undefined }[],
): MlCause[] {
  const category = ML_CATEGORIES[categoryId];
  if (category === undefined) {
    return [mlCause('item.category_id.invalid', 'item.category_id', `Category ${categoryId} does not exist`)];
  }
  const allowed = new Set(category.attributes.filter((a) => a.variation).map((a) => a.id));
  const wrong = new Set<string>();
  for (const variation of variations) {
    for (const attribute of variation.attribute_combinations ?? []) {
      if (!allowed.has(attribute.id)) wrong.add(attribute.id);
    }
  }
  return [...wrong].map((id) =>
    mlCause(
      'item.attribute_combinations.invalid',
      'item.variations.attribute_combinations',
      `Attribute ${id} is not a variation attribute of category ${categoryId} (allowed: ${[...allowed].join(', ')})`,
    ),
  );
}

export function registerMlCategories(scope: FastifyInstance, conformance: ConformanceLedger): void {
  // Public on ML: no bearer needed.
  scope.get<{ Params: { id: string } }>(
    '/categories/:id/attributes',
    { config: { sim: { op: 'categories.attributes', auth: false } } },
    judgeByStatus(
      conformance,
      'categories.attributes',
      (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
        const body = attributesBody(request.params.id);
        if (body === null) return sendMlError(reply, mlNotFound(`Category ${request.params.id} not found`));
        return reply.send(body);
      },
    ),
  );
}
