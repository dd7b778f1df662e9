import { Type } from 'typebox';

export const ErrorBody = Type.Object(
  { error: Type.String(), code: Type.String() },
  {
    additionalProperties: true,
    description: 'SkyHub-style error: `error` says what is wrong and which field.',
  },
);

export const errorResponses = {
  '4xx': ErrorBody,
  '5xx': ErrorBody,
};

export const SkuParams = Type.Object({ sku: Type.String({ minLength: 1, maxLength: 100 }) });

export const NoContent = Type.Null({ description: 'No content' });

/** Security requirement shared by every seller-API route, for the OpenAPI document. */
export const sellerSecurity = [{ userEmail: [], apiKey: [], accountManagerKey: [] }];
