/**
 * The ERP moving an order along: the state machine (422 with the reason when illegal), NF-e key
 * validation, the account's own statuses, both shipment body styles, and repeats that change
 * nothing. Test orders (POST /orders) need no marketplace.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nfeKeyIsValid } from '../../simulator/core/nfe.ts';
import { nfeKeyProblem } from '../../src/orders/nfe.ts';
import { createTestApp, type TestApp } from '../helpers.ts';
import { inject } from '../sync/world.ts';
import { nfeKey } from './helpers.ts';

let t: TestApp;
const api = (method: string, url: string, body?: unknown) =>
  inject(t.app, t.seller.headers, method, url, body);
const path = (code: string, action = '') =>
  `/orders/${encodeURIComponent(code)}${action ? `/${action}` : ''}`;

before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function approvedOrder(): Promise<string> {
  const created = await api('POST', '/orders', {
    order: { items: [{ id: 'SKU-A', qty: 2, original_price: 30 }] },
  });
  const code = created.body.code as string;
  const approved = await api('POST', path(code, 'approval'), { status: 'payment_received' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.status.type, 'APPROVED');
  return code;
}

describe('NF-e keys', () => {
  it('checks the length and the modulo-11 check digit', () => {
    const key = nfeKey('a');
    assert.equal(nfeKeyProblem(key), undefined);
    const wrong = `${key.slice(0, 43)}${(Number(key[43]) + 1) % 10}`;
    assert.match(nfeKeyProblem(wrong) ?? '', /check digit/);
    assert.match(nfeKeyProblem(key.slice(1)) ?? '', /44 digits/);
    assert.match(nfeKeyProblem(`${key.slice(0, 43)}x`) ?? '', /44 digits/);
  });

  it("agrees with the simulator's own check (written separately) on a thousand keys", () => {
    for (let i = 0; i < 1000; i++) {
      const digits = Array.from({ length: 44 }, () => Math.floor(Math.random() * 10)).join('');
      assert.equal(nfeKeyProblem(digits) === undefined, nfeKeyIsValid(digits), digits);
    }
  });
});

describe('order actions', () => {
  it('walks approved → invoiced → shipped → delivered, recording each step', async () => {
    const code = await approvedOrder();
    const key = nfeKey(code);
    const invoiced = await api('POST', path(code, 'invoice'), {
      status: 'order_invoiced',
      invoice: { key, issue_date: '2026-01-27T12:30:00-03:00' },
    });
    assert.equal(invoiced.status, 200, JSON.stringify(invoiced.body));
    assert.equal(invoiced.body.status.code, 'order_invoiced');
    assert.deepEqual(invoiced.body.invoices[0], {
      key,
      number: null,
      line: null,
      issue_date: '2026-01-27T15:30:00.000Z',
    });
    // The official SDK puts items beside "shipment".
    const shipped = await api('POST', path(code, 'shipments'), {
      status: 'order_shipped',
      items: [{ sku: 'SKU-A', qty: 2 }],
      shipment: {
        code: 'PKG-1',
        track: { code: 'BR123', carrier: 'Correios', method: 'PAC', url: 'https://rastreio/BR123' },
      },
    });
    assert.equal(shipped.status, 200, JSON.stringify(shipped.body));
    assert.equal(shipped.body.status.type, 'SHIPPED');
    assert.deepEqual(shipped.body.shipments[0].items, [{ sku: 'SKU-A', qty: 2 }]);
    assert.equal(shipped.body.shipments[0].tracks[0].code, 'BR123');
    const delivered = await api('POST', path(code, 'delivery'), {
      status: 'complete',
      delivered_date: '2026-02-01',
    });
    assert.equal(delivered.body.status.code, 'complete');
    assert.equal(delivered.body.delivered_date, '2026-02-01T03:00:00.000Z');
    const history = await api('GET', path(code, 'history'));
    assert.deepEqual(
      history.body.history.map(
        (h: { status_code: string; source: string }) => `${h.source}:${h.status_code}`,
      ),
      [
        'marketplace:book_product',
        'erp:payment_received',
        'erp:order_invoiced',
        'erp:order_shipped',
        'erp:complete',
      ],
    );
  });

  it('refuses an illegal move with 422 and the reason, changing nothing', async () => {
    const created = await api('POST', '/orders', {
      order: { items: [{ id: 'SKU-B', qty: 1, original_price: 5 }] },
    });
    const code = created.body.code;
    const early = await api('POST', path(code, 'invoice'), { invoice: { key: nfeKey('early') } });
    assert.equal(early.status, 422);
    assert.match(early.body.error, /is NEW .*cannot become INVOICED \(only from APPROVED\)/);
    assert.equal(early.body.code, 'invalid_transition');
    const ship = await api('POST', path(code, 'shipments'), {
      shipment: { items: [{ sku: 'SKU-B', qty: 1 }] },
    });
    assert.equal(ship.status, 422);
    assert.equal((await api('GET', path(code))).body.status.code, 'book_product');
    assert.equal((await api('POST', path(code, 'cancel'))).status, 200, 'SDK posts /cancel without a body');
    const afterCancel = await api('POST', path(code, 'approval'), {});
    assert.equal(afterCancel.status, 422);
    assert.match(afterCancel.body.error, /CANCELED/);
  });

  it('refuses an NF-e key with a wrong check digit or length, naming the field', async () => {
    const code = await approvedOrder();
    const key = nfeKey('digit');
    const wrong = `${key.slice(0, 43)}${(Number(key[43]) + 1) % 10}`;
    const bad = await api('POST', path(code, 'invoice'), { invoice: { key: wrong } });
    assert.equal(bad.status, 422);
    assert.match(bad.body.error, /^invoice\.key: check digit is \d, but the first 43 digits give \d/);
    const short = await api('POST', path(code, 'invoice'), { invoice: { key: '123' } });
    assert.equal(short.status, 422);
    assert.match(short.body.error, /44 digits/);
    const missing = await api('POST', path(code, 'invoice'), { status: 'order_invoiced' });
    assert.equal(missing.status, 400);
    assert.match(missing.body.error, /invoice: is required/);
    assert.equal((await api('GET', path(code))).body.status.type, 'APPROVED');
  });

  it("uses the account's own status when named, and refuses an unknown or mistyped one", async () => {
    await api('POST', '/statuses', {
      status: { code: 'FAT-ERP', label: 'Faturado (ERP)', type: 'INVOICED' },
    });
    const code = await approvedOrder();
    const unknown = await api('POST', path(code, 'invoice'), {
      status: 'nope',
      invoice: { key: nfeKey('s') },
    });
    assert.equal(unknown.status, 422);
    assert.match(unknown.body.error, /not a status of this account/);
    const mistyped = await api('POST', path(code, 'invoice'), {
      status: 'complete',
      invoice: { key: nfeKey('s') },
    });
    assert.equal(mistyped.status, 422);
    assert.match(mistyped.body.error, /of type DELIVERED/);
    const custom = await api('POST', path(code, 'invoice'), {
      status: 'FAT-ERP',
      invoice: { key: nfeKey('s') },
    });
    assert.deepEqual(custom.body.status, { code: 'FAT-ERP', label: 'Faturado (ERP)', type: 'INVOICED' });
    const listed = await api('GET', '/orders?filters[statuses][]=FAT-ERP');
    assert.equal(listed.body.orders[0].code, code);
  });

  it('a repeated action is answered again without a second step; a different invoice is refused', async () => {
    const code = await approvedOrder();
    const key = nfeKey('repeat');
    await api('POST', path(code, 'invoice'), { invoice: { key } });
    const again = await api('POST', path(code, 'invoice'), { invoice: { key } });
    assert.equal(again.status, 200);
    assert.equal(again.body.invoices.length, 1);
    const other = await api('POST', path(code, 'invoice'), { invoice: { key: nfeKey('other') } });
    assert.equal(other.status, 422);
    // items inside "shipment", as the docs show; a second package keeps the status and adds a shipment.
    await api('POST', path(code, 'shipments'), {
      shipment: { code: 'P1', items: [{ sku: 'SKU-A', qty: 1 }] },
    });
    const second = await api('POST', path(code, 'shipments'), {
      shipment: { code: 'P2', items: [{ sku: 'SKU-A', qty: 1 }] },
    });
    assert.deepEqual(
      second.body.shipments.map((s: { code: string }) => s.code),
      ['P1', 'P2'],
    );
    const history = await api('GET', path(code, 'history'));
    assert.equal(
      history.body.history.filter((h: { status_code: string }) => h.status_code === 'order_invoiced').length,
      1,
    );
  });

  it('records a shipment exception after shipping, and allows delivery after it', async () => {
    const code = await approvedOrder();
    await api('POST', path(code, 'invoice'), { invoice: { key: nfeKey('ex') } });
    await api('POST', path(code, 'shipments'), {
      shipment: { items: [{ sku: 'SKU-A', qty: 2 }], track: { code: 'T1' } },
    });
    const exception = await api('POST', path(code, 'shipment_exception'), {
      status: 'shipment_exception',
      shipment_exception: {
        occurrence_date: '2026-02-02T10:00:00-03:00',
        observation: 'Destinatário ausente',
      },
    });
    assert.equal(exception.body.status.type, 'SHIPMENT_EXCEPTION');
    assert.equal(exception.body.shipment_exception.observation, 'Destinatário ausente');
    const delivered = await api('POST', path(code, 'delivery'), {});
    assert.equal(delivered.body.status.type, 'DELIVERED');
  });

  it('refuses malformed bodies with 400 naming the field', async () => {
    const code = await approvedOrder();
    const extra = await api('POST', path(code, 'invoice'), { invoice: { key: nfeKey('x'), colour: 'red' } });
    assert.equal(extra.status, 400);
    assert.match(extra.body.error, /invoice\.colour: is not a known field/);
    const date = await api('POST', path(code, 'delivery'), { delivered_date: 'yesterday' });
    assert.equal(date.status, 400);
    assert.match(date.body.error, /delivered_date/);
    assert.equal((await api('POST', path('Nowhere-1', 'cancel'), {})).status, 404);
  });
});
