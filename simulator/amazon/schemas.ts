import { Type } from 'typebox';
import type { SchemaIssue } from '../core/validate.ts';
import type { AmError } from './errors.ts';
import { amInvalidInput } from './errors.ts';

/** Bodies of Amazon's own endpoints, as the SPM models declare them. */
const PatchOperation = Type.Object({
  op: Type.Union([
    Type.Literal('add'),
    Type.Literal('replace'),
    Type.Literal('merge'),
    Type.Literal('delete'),
  ]),
  path: Type.String({ minLength: 1 }),
  value: Type.Optional(Type.Array(Type.Unknown())),
});

/** [SPM listingsItems_2021-08-01] `ListingsItemPatchRequest`. */
export const PatchBody = Type.Object({
  productType: Type.String({ minLength: 1 }),
  patches: Type.Array(PatchOperation, { minItems: 1 }),
});

/** [SPM feeds_2021-06-30] `CreateFeedDocumentSpecification`. */
export const FeedDocumentBody = Type.Object({ contentType: Type.String({ minLength: 1 }) });

/** [SPM feeds_2021-06-30] `CreateFeedSpecification`. */
export const FeedBody = Type.Object({
  feedType: Type.String({ minLength: 1 }),
  marketplaceIds: Type.Array(Type.String(), { minItems: 1 }),
  inputFeedDocumentId: Type.String({ minLength: 1 }),
  feedOptions: Type.Optional(Type.Record(Type.String(), Type.String())),
});

/** [SPM ordersV0] `ConfirmShipmentRequest`. */
export const ConfirmShipmentBody = Type.Object({
  marketplaceId: Type.String({ minLength: 1 }),
  packageDetail: Type.Object({
    packageReferenceId: Type.String({ minLength: 1 }),
    carrierCode: Type.String({ minLength: 1 }),
    carrierName: Type.Optional(Type.String()),
    shippingMethod: Type.Optional(Type.String()),
    trackingNumber: Type.String({ minLength: 1 }),
    shipDate: Type.String({ minLength: 1 }),
    shipFromSupplySourceId: Type.Optional(Type.String()),
    orderItems: Type.Array(
      Type.Object({
        orderItemId: Type.String({ minLength: 1 }),
        quantity: Type.Integer({ minimum: 1 }),
        transparencyCodes: Type.Optional(Type.Array(Type.String())),
      }),
      { minItems: 1 },
    ),
  }),
  codCollectionMethod: Type.Optional(Type.String()),
});

/** Schema issues as one `InvalidInput`, naming each offending field. */
export function bodyError(issues: readonly SchemaIssue[]): AmError {
  const detail = issues.map((entry) => `${entry.path || '(body)'} ${entry.message}`).join('; ');
  return amInvalidInput('Invalid request body', detail);
}

/** `a,b` query lists (SP-API takes comma-separated arrays). */
export function queryList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(',').filter((entry) => entry !== '');
}
