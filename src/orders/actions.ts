/**
 * The ERP moves an order along (DESIGN §4.4): invoice, shipment, delivery, cancellation,
 * shipment exception, and approval of test orders. Each is checked against the state machine
 * (422 with the reason when illegal), recorded with its history in one transaction, and — when
 * the marketplace takes it — queued for relay (orders/relay.ts), so the ERP's answer never waits
 * on the marketplace and a marketplace outage loses nothing.
 */
import type { Static } from 'typebox';
import type { OrderActionPolicy, OrderTransition } from '../channels/adapter.ts';
import { adapterFor } from '../channels/registry.ts';
import type { Db, Queryable } from '../db/db.ts';
import { unprocessable } from '../errors.ts';
import type { OrderAfterAction, RelayNote as RelayNoteSchema } from '../http/contract/orders.ts';
import { oweSends } from '../listings/queries.ts';
import { recordEvents, subscribedTypes } from '../webhooks/events.ts';
import { nfeKeyProblem } from './nfe.ts';
import { type PresentedOrder, presentOrders } from './present.ts';
import { type ErpData, getOrderByCode, type OrderRow, orderColumns, rawPayload } from './queries.ts';
import { acknowledgeReservations, releaseReservations } from './reservations.ts';
import type { SkyHubShipment } from './shape.ts';
import {
  canMove,
  defaultStatusOf,
  findStatus,
  type OrderStatus,
  type StatusType,
  transitions,
} from './statuses.ts';

export type ActionKind = 'invoice' | 'shipments' | 'delivery' | 'cancel' | 'shipment_exception' | 'approval';

export const targetOf: Record<ActionKind, StatusType> = {
  invoice: 'INVOICED',
  shipments: 'SHIPPED',
  delivery: 'DELIVERED',
  cancel: 'CANCELED',
  shipment_exception: 'SHIPMENT_EXCEPTION',
  approval: 'APPROVED',
};

export interface InvoiceInput {
  key: string;
  number?: string | undefined;
  line?: string | undefined;
  issue_date?: string | undefined;
  /** Cais: the NF-e XML, for marketplaces that take the document (Magalu). */
  xml?: string | undefined;
}

export interface ShipmentInput {
  code?: string | undefined;
  delivered_carrier_date?: string | undefined;
  items: { sku: string; qty: number }[];
  track?: {
    code?: string | undefined;
    carrier?: string | undefined;
    method?: string | undefined;
    url?: string | undefined;
  };
  estimated_delivery?: string | undefined;
}

export type ActionInput =
  | { kind: 'invoice'; status?: string | undefined; invoice: InvoiceInput }
  | { kind: 'shipments'; status?: string | undefined; shipment: ShipmentInput }
  | { kind: 'delivery'; status?: string | undefined; delivered_date?: string | undefined }
  | { kind: 'cancel'; status?: string | undefined; reason?: string | undefined }
  | {
      kind: 'shipment_exception';
      status?: string | undefined;
      shipment_exception: { occurrence_date?: string | undefined; observation?: string | undefined };
    }
  | { kind: 'approval'; status?: string | undefined };

/** What the ERP's action became: relayed to the marketplace, or recorded in Cais only, and why. */
export type RelayNote = Static<typeof RelayNoteSchema>;

const notes: Record<string, { en: string; pt: string }> = {
  marketplace_ships: {
    en: 'The marketplace moves this shipment itself (Mercado Envios): recorded in Cais, not sent to the marketplace.',
    pt: 'O próprio marketplace movimenta este envio (Mercado Envios): registrado no Cais, não enviado ao marketplace.',
  },
  no_seller_invoice: {
    en: 'The marketplace takes no NF-e from the seller for this shipment: recorded in Cais only.',
    pt: 'O marketplace não recebe a NF-e do vendedor para este envio: registrada só no Cais.',
  },
  connection_deleted: {
    en: 'The connection that imported this order was deleted: recorded in Cais, not sent to the marketplace.',
    pt: 'A integração que importou este pedido foi excluída: registrado no Cais, não enviado ao marketplace.',
  },
  relay_failed_before: {
    en: 'The earlier relay of this action failed: it is sent to the marketplace again.',
    pt: 'O envio anterior desta ação falhou: ela é enviada ao marketplace de novo.',
  },
};

function relayNote(relayed: boolean, state: RelayNote['state'], reason?: string | undefined): RelayNote {
  const text = reason ? notes[reason] : undefined;
  return { relayed, state, reason: reason ?? null, note: text?.en ?? null, note_pt: text?.pt ?? null };
}

const transitionKind: Partial<Record<ActionKind, OrderTransition['kind']>> = {
  invoice: 'invoice',
  shipments: 'ship',
  delivery: 'deliver',
  cancel: 'cancel',
};

export async function applyAction(db: Db, accountId: number, code: string, input: ActionInput) {
  const found = await getOrderByCode(db, accountId, code);
  const target = await targetStatus(db, accountId, input);
  if (input.kind === 'invoice') {
    const problem = nfeKeyProblem(input.invoice.key);
    if (problem) {
      throw unprocessable(`invoice.key: ${problem}`, {
        code: 'invalid_nfe_key',
        params: { field: 'invoice.key' },
      });
    }
  }
  // Test orders are the `sandbox` channel's; an order whose connection was deleted also has no
  // connection, but it is a marketplace's order, approved by the marketplace only.
  if (input.kind === 'approval' && found.channel !== 'sandbox') {
    throw unprocessable(
      `order ${found.code}: approval comes from the marketplace; only test orders created with POST /orders can be approved`,
      { code: 'approval_not_allowed', params: { order: found.code } },
    );
  }
  const policy = await policyFor(db, found, input);
  return db.transaction(async (tx) => {
    const [order] = await tx.query<OrderRow>(
      `SELECT ${orderColumns} FROM orders o WHERE o.id = $1 FOR UPDATE`,
      [found.id],
    );
    const change = decide(order!, input, target);
    if (change.kind === 'repeat') {
      const relay = await relayAgainIfFailed(tx, order!, input, policy);
      return withRelayNote((await presentOrders(tx, accountId, [order!]))[0]!, relay);
    }
    const relay = await record(tx, order!, input, target, change.erp, policy);
    const [after] = await tx.query<OrderRow>(`SELECT ${orderColumns} FROM orders o WHERE o.id = $1`, [
      order!.id,
    ]);
    const [presented] = await presentOrders(tx, accountId, [after!]);
    if ((await subscribedTypes(tx, accountId)).has('order.updated')) {
      await recordEvents(tx, accountId, [
        { type: 'order.updated', data: { order: presented, source: 'erp' } },
      ]);
    }
    return withRelayNote(presented!, relay);
  });
}

function withRelayNote(presented: PresentedOrder, relay: RelayNote): Static<typeof OrderAfterAction> {
  return { ...presented, cais: { ...presented.cais, relay } };
}

/**
 * The marketplace's rules for this action on this order, checked before anything is stored:
 * what it cannot do without (Magalu's and ML's NF-e XML) is a 422 naming the field, instead of
 * a 200 and a sync error later.
 */
async function policyFor(db: Db, order: OrderRow, input: ActionInput): Promise<OrderActionPolicy | null> {
  const kind = transitionKind[input.kind];
  if (order.connection_id === null || kind === undefined) return null;
  const adapter = adapterFor(order.channel);
  const policy = adapter.orderActionPolicy?.({ raw: await rawPayload(db, order.id) }, kind) ?? {
    relay: true,
  };
  if (input.kind === 'invoice' && policy.requires?.includes('invoice.xml') && !input.invoice.xml) {
    throw unprocessable(
      `invoice.xml: ${order.data.channel} needs the NF-e XML for this order; send the authorised NF-e XML in invoice.xml`,
      { code: 'invoice_xml_required', params: { field: 'invoice.xml', channel: order.data.channel } },
    );
  }
  return policy;
}

/**
 * The ERP posts an action it already posted: a repeat changes nothing, unless the relay of that
 * action failed, in which case it is relayed again (with what the ERP sent now, e.g. the XML it
 * had left out): posting again is the way to retry or correct a refused relay.
 */
async function relayAgainIfFailed(
  tx: Queryable,
  order: OrderRow,
  input: ActionInput,
  policy: OrderActionPolicy | null,
): Promise<RelayNote> {
  const transition = transitionOf(input, order.erp);
  if (!transition || !policy?.relay) return relayNote(false, 'unchanged', policy?.reason);
  const [last] = await tx.query<{ status: string }>(
    `SELECT status FROM order_relays WHERE order_id = $1 AND transition->>'kind' = $2 ORDER BY id DESC LIMIT 1`,
    [order.id, transition.kind],
  );
  if (last?.status !== 'failed') return relayNote(false, 'unchanged');
  await queueRelay(tx, order, transition);
  return relayNote(true, 'again', 'relay_failed_before');
}

async function queueRelay(tx: Queryable, order: OrderRow, transition: OrderTransition): Promise<void> {
  await tx.query(`INSERT INTO order_relays (account_id, order_id, transition) VALUES ($1, $2, $3::jsonb)`, [
    order.account_id,
    order.id,
    JSON.stringify(transition),
  ]);
}

/** The status the action sets: the one the ERP named (it must exist and be of the right type). */
async function targetStatus(db: Queryable, accountId: number, input: ActionInput): Promise<OrderStatus> {
  const type = targetOf[input.kind];
  if (input.status === undefined) return defaultStatusOf[type];
  const status = await findStatus(db, accountId, input.status);
  if (!status) {
    throw unprocessable(
      `status: "${input.status}" is not a status of this account (GET /statuses lists them)`,
      { code: 'unknown_status', params: { field: 'status', status: input.status } },
    );
  }
  if (status.type !== type) {
    throw unprocessable(
      `status: "${input.status}" is of type ${status.type}; this action sets a ${type} status`,
      {
        code: 'status_type_mismatch',
        params: { field: 'status', status: input.status, type: status.type, expected: type },
      },
    );
  }
  return status;
}

type Decision = { kind: 'repeat' } | { kind: 'apply'; erp: ErpData };

/** Whether the action moves the order, repeats what it already did, or is illegal (throws). */
function decide(order: OrderRow, input: ActionInput, target: OrderStatus): Decision {
  const erp: ErpData = { ...order.erp };
  const now = new Date().toISOString();
  if (input.kind === 'invoice') {
    const known = erp.invoices?.find((i) => i.key === input.invoice.key);
    if (known && order.status_type === 'INVOICED') return { kind: 'repeat' };
    erp.invoices = [
      ...(erp.invoices ?? []),
      {
        key: input.invoice.key,
        number: input.invoice.number ?? null,
        line: input.invoice.line ?? null,
        issue_date: input.invoice.issue_date ?? now,
      },
    ];
  } else if (input.kind === 'shipments') {
    const shipment = shipmentOf(input.shipment, order);
    if (erp.shipments?.some((s) => s.code === shipment.code)) return { kind: 'repeat' };
    // Another package of an order already shipped: recorded and relayed, the status stays.
    if (order.status_type === 'SHIPPED')
      return { kind: 'apply', erp: { ...erp, shipments: [...(erp.shipments ?? []), shipment] } };
    erp.shipments = [...(erp.shipments ?? []), shipment];
    erp.shipped_date = shipment.delivered_carrier_date ?? now;
  } else if (input.kind === 'delivery') {
    if (order.status_type === 'DELIVERED') return { kind: 'repeat' };
    erp.delivered_date = input.delivered_date ?? now;
  } else if (input.kind === 'shipment_exception') {
    if (order.status_type === 'SHIPMENT_EXCEPTION') return { kind: 'repeat' };
    erp.shipment_exception = {
      occurrence_date: input.shipment_exception.occurrence_date ?? now,
      observation: input.shipment_exception.observation ?? '',
    };
  } else if (order.status_type === target.type) {
    return { kind: 'repeat' };
  } else if (input.kind === 'cancel') {
    erp.canceled_date = now;
  }
  if (!canMove(order.status_type, target.type)) throw illegal(order, target.type);
  return { kind: 'apply', erp };
}

function illegal(order: OrderRow, to: StatusType) {
  const from = Object.entries(transitions)
    .filter(([, next]) => next.includes(to))
    .map(([type]) => type);
  return unprocessable(
    `order ${order.code} is ${order.status_type} (${order.status_code}); it cannot become ${to}` +
      (from.length > 0 ? ` (only from ${from.join(' or ')})` : ''),
    {
      code: 'invalid_transition',
      params: { order: order.code, from: order.status_code, to },
      details: { current_status: order.status_code, current_type: order.status_type },
    },
  );
}

function shipmentOf(input: ShipmentInput, order: OrderRow): SkyHubShipment {
  const track = input.track ?? {};
  const erpCount = order.erp.shipments?.length ?? 0;
  return {
    code: input.code ?? track.code ?? `${order.code}-${erpCount + 1}`,
    items: input.items,
    tracks: track.code
      ? [{ code: track.code, carrier: track.carrier ?? '', method: track.method ?? '', url: track.url ?? '' }]
      : [],
    delivered_carrier_date: input.delivered_carrier_date ?? null,
  };
}

async function record(
  tx: Queryable,
  order: OrderRow,
  input: ActionInput,
  target: OrderStatus,
  erp: ErpData,
  policy: OrderActionPolicy | null,
): Promise<RelayNote> {
  const moves = target.type !== order.status_type || target.code !== order.status_code;
  await tx.query(
    `UPDATE orders SET status_code = $2, status_type = $3, erp = $4::jsonb, updated_at = now(),
            status_changed_at = CASE WHEN $5 THEN now() ELSE status_changed_at END
      WHERE id = $1`,
    [order.id, target.code, target.type, JSON.stringify(erp), moves],
  );
  await tx.query(
    `INSERT INTO order_status_history (order_id, status_code, status_type, source, detail)
     VALUES ($1, $2, $3, 'erp', $4::jsonb)`,
    [order.id, target.code, target.type, JSON.stringify({ action: input.kind, ...detailOf(input) })],
  );
  // Acting on the order proves the ERP has it, as an acknowledgement does.
  await acknowledgeReservations(tx, order.id);
  if (input.kind === 'cancel') {
    const products = await releaseReservations(tx, [order.id]);
    if (products.length > 0) await oweSends(tx, products, 'stock');
  }
  const transition = transitionOf(input, erp);
  if (!transition) return relayNote(false, 'no');
  if (order.connection_id === null) {
    return relayNote(false, 'no', order.channel === 'sandbox' ? undefined : 'connection_deleted');
  }
  if (policy && !policy.relay) return relayNote(false, 'no', policy.reason);
  await queueRelay(tx, order, transition);
  return relayNote(true, 'queued');
}

function detailOf(input: ActionInput): Record<string, unknown> {
  const { kind: _kind, status: _status, ...rest } = input;
  if ('invoice' in rest) return { invoice: { ...rest.invoice, xml: rest.invoice.xml ? '(xml)' : undefined } };
  return rest;
}

/** What the adapter is asked to do; a shipment exception has no marketplace counterpart. */
function transitionOf(input: ActionInput, erp: ErpData): OrderTransition | undefined {
  const now = new Date();
  if (input.kind === 'invoice') {
    const i = input.invoice;
    return {
      kind: 'invoice',
      key: i.key,
      number: i.number,
      issuedAt: new Date(i.issue_date ?? now),
      xml: i.xml,
    };
  }
  if (input.kind === 'shipments') {
    const s = input.shipment;
    return {
      kind: 'ship',
      trackingCode: s.track?.code ?? s.code ?? '',
      carrier: s.track?.carrier,
      url: s.track?.url,
      shippedAt: new Date(s.delivered_carrier_date ?? erp.shipped_date ?? now),
      estimatedDeliveryAt: s.estimated_delivery ? new Date(s.estimated_delivery) : undefined,
    };
  }
  if (input.kind === 'delivery') return { kind: 'deliver', deliveredAt: new Date(erp.delivered_date ?? now) };
  if (input.kind === 'cancel') return { kind: 'cancel', reason: input.reason };
  return undefined;
}
