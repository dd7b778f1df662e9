/** The shared contract pieces, re-exported from their pure module for existing imports. */
export {
  ErrorBody,
  ErrorParams,
  type ErrorStatus,
  errorResponses,
  NoContent,
  SkuParams,
  sellerSecurity,
} from './contract/common.ts';
