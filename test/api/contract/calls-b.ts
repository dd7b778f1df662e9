/**
 * Calls exercising part B's operations (connections, listings, rules, sync, sync errors,
 * dashboard, webhooks, ops, session, console): see harness.ts.
 */
import type { ContractCall } from './harness.ts';

export const callsB: ContractCall[] = [];

/**
 * Operations ("METHOD /path") no call exercises yet; live-responses.test.ts accepts them missing
 * an operationId or a success call only while they are listed here. To be emptied.
 */
export const pendingB: string[] = [
  'POST /session',
  'GET /session',
  'DELETE /session',
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
  'POST /webhooks',
  'GET /webhooks',
  'GET /webhooks/{id}',
  'PUT /webhooks/{id}',
  'DELETE /webhooks/{id}',
  'POST /webhooks/{id}/rotate_secret',
  'GET /webhooks/{id}/deliveries',
  'GET /webhooks/{id}/deliveries/{deliveryId}/body',
  'POST /webhooks/{id}/replay',
  'GET /catalog/search',
  'GET /dashboard',
  'GET /listings',
];
