/**
 * Test orders (SkyHub's `POST /orders`, test accounts only [DEV:pedidos/criacao-de-pedido-teste]):
 * an ERP developer creates an order without a marketplace, approves it with `/approval`, and
 * drives the whole flow — queue, webhooks, reservations, invoice and shipment — against Cais.
 * They belong to no connection, so nothing is relayed to a marketplace.
 */
import { randomInt } from 'node:crypto';
import type { ChannelOrder } from '../channels/adapter.ts';
import type { Db } from '../db/db.ts';
import { presentOrders } from './present.ts';
import { ordersByIds } from './queries.ts';
import { emptyAddress, normaliseOrder, orderCode, type SkyHubAddress, type SkyHubPayment } from './shape.ts';
import { upsertOrders } from './upsert.ts';

export interface TestOrderInput {
  channel?: string | undefined;
  items: { id: string; qty: number; original_price: number; special_price?: number | undefined }[];
  customer?:
    | {
        name?: string | undefined;
        email?: string | undefined;
        vat_number?: string | undefined;
        date_of_birth?: string | undefined;
        gender?: string | undefined;
        phones?: string[] | undefined;
      }
    | undefined;
  shipping_address?: Partial<SkyHubAddress> | undefined;
  billing_address?: Partial<SkyHubAddress> | undefined;
  payments?:
    | { method: string; description?: string | undefined; parcels?: number | undefined; value: number }[]
    | undefined;
  shipping_method?: string | undefined;
  shipping_cost?: number | undefined;
  shipping_calculation_type?: string | undefined;
  estimated_delivery?: string | undefined;
  interest?: number | undefined;
  discount?: number | undefined;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * What the ERP sent comes back field for field (SkyHub's documented test body, whole): prices
 * stay as given (`original_price` and `special_price` apart), and the customer's birth date,
 * gender and phones, interest, discount and the freight calculation type are kept.
 */
export async function createTestOrder(db: Db, accountId: number, input: TestOrderInput) {
  const label = input.channel ?? 'Sandbox';
  const now = new Date();
  // Unique enough for test orders and shaped like a marketplace id: milliseconds plus 3 digits.
  const externalId = `${now.getTime()}${String(randomInt(1000)).padStart(3, '0')}`;
  const items = input.items.map((i) => ({
    sku: i.id,
    externalItemId: i.id,
    name: i.id,
    qty: i.qty,
    unitPrice: i.special_price ?? i.original_price,
    originalPrice: i.original_price,
  }));
  const extras = (input.shipping_cost ?? 0) + (input.interest ?? 0) - (input.discount ?? 0);
  const order: ChannelOrder = {
    externalId,
    status: 'new',
    placedAt: now,
    updatedAt: now,
    total: round2(items.reduce((sum, i) => sum + i.unitPrice * i.qty, 0) + extras),
    items,
    buyer: {
      name: input.customer?.name ?? '',
      email: input.customer?.email,
      document: input.customer?.vat_number,
    },
    freight: input.shipping_cost,
    discount: input.discount,
    raw: input,
  };
  const normalised = normaliseOrder('sandbox', order);
  normalised.code = orderCode(label, externalId);
  const name = input.customer?.name ?? null;
  Object.assign(normalised.data, {
    code: normalised.code,
    channel: label,
    customer: {
      name: input.customer?.name ?? '',
      email: input.customer?.email ?? null,
      date_of_birth: input.customer?.date_of_birth ?? null,
      gender: input.customer?.gender ?? null,
      vat_number: input.customer?.vat_number ?? null,
      phones: input.customer?.phones ?? [],
    },
    shipping_address: { ...emptyAddress(name), ...input.shipping_address },
    billing_address: { ...emptyAddress(name), ...input.billing_address },
    payments: (input.payments ?? []).map(
      (p): SkyHubPayment => ({
        method: p.method,
        description: p.description ?? p.method,
        parcels: p.parcels ?? 1,
        value: p.value,
        status: 'pending',
        transaction_date: null,
      }),
    ),
    shipping_method: input.shipping_method ?? null,
    shipping_cost: input.shipping_cost ?? 0,
    shipping_calculation_type: input.shipping_calculation_type ?? null,
    calculation_type: input.shipping_calculation_type ?? null,
    interest: input.interest ?? 0,
    discount: input.discount ?? 0,
    estimated_delivery: input.estimated_delivery ?? null,
    // A test order's fields are what the ERP sent: none is withheld by a marketplace.
    withheld_fields: {},
    import_info: { ss_name: 'Cais sandbox', remote_id: externalId, remote_code: normalised.code },
  });
  return db.transaction(async (tx) => {
    await upsertOrders(tx, { accountId, connectionId: null, channel: 'sandbox' }, [normalised]);
    const [row] = await tx.query<{ id: number }>(
      'SELECT id FROM orders WHERE account_id = $1 AND code = $2',
      [accountId, normalised.code],
    );
    const [presented] = await presentOrders(tx, accountId, await ordersByIds(tx, [row!.id]));
    return presented!;
  });
}
