/**
 * Calls exercising the operations of the order queue, orders, order settings, order status actions, marketplace order notifications: see harness.ts.
 */
import type { ContractCall } from './harness.ts';

export const calls: ContractCall[] = [];

/**
 * Operations ("METHOD /path") no call exercises yet; live-responses.test.ts accepts them missing
 * an operationId or a success call only while they are listed here. To be emptied.
 */
export const pending: string[] = [
  'POST /notifications/mercadolivre',
  'GET /queues/orders',
  'DELETE /queues/orders/{code}',
  'GET /queues/orders/depth',
  'GET /orders',
  'POST /orders',
  'GET /orders/{code}',
  'GET /orders/{code}/history',
  'GET /orders/{code}/raw',
  'PUT /orders/{code}/exported',
  'GET /settings/orders',
  'PUT /settings/orders',
  'POST /orders/{code}/invoice',
  'POST /orders/{code}/shipments',
  'POST /orders/{code}/delivery',
  'POST /orders/{code}/cancel',
  'POST /orders/{code}/shipment_exception',
  'POST /orders/{code}/approval',
];
