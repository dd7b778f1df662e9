/**
 * Calls exercising the operations of channels, connections, listings, schedules, runs, manual sync, sync_status, rules, sync errors: see harness.ts.
 */
import type { ContractCall } from './harness.ts';

export const calls: ContractCall[] = [];

/**
 * Operations ("METHOD /path") no call exercises yet; live-responses.test.ts accepts them missing
 * an operationId or a success call only while they are listed here. To be emptied.
 */
export const pending: string[] = [
  'GET /sync_errors/orders',
  'PATCH /sync_errors/orders',
  'GET /channels',
  'POST /connections',
  'GET /connections',
  'GET /connections/{id}',
  'PATCH /connections/{id}',
  'DELETE /connections/{id}',
  'POST /connections/{id}/test',
  'POST /connections/{id}/authorize',
  'GET /connections/{id}/listings',
  'GET /products/{sku}/listings',
  'POST /products/{sku}/listings/{connection}',
  'DELETE /products/{sku}/listings/{connection}',
  'POST /products/{sku}/listings/{connection}/republish',
  'POST /listings/connect',
  'POST /sync/schedules',
  'GET /sync/schedules',
  'GET /sync/schedules/{id}',
  'DELETE /sync/schedules/{id}',
  'PUT /sync/schedules/{id}',
  'PATCH /sync/schedules/{id}',
  'POST /sync/schedules/{id}/run',
  'GET /sync/runs',
  'GET /sync/runs/{id}',
  'POST /products/{sku}/sync',
  'GET /products/{sku}/sync_status',
  'GET /connections/{id}/rules',
  'PUT /connections/{id}/rules',
  'POST /connections/{id}/rules/preview',
  'GET /sync_errors/categories',
  'GET /sync_errors/categories/{code}',
  'GET /sync_errors/products',
  'PATCH /sync_errors/products',
  'POST /sync_errors/products/retry',
  'POST /sync_errors/orders/retry',
];
