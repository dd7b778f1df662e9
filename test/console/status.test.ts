/**
 * Status that is true, over HTTP: a listing the marketplace refuses shows red with the reason
 * (its flag, the Painel's counters and the product's explanation agree), a closed listing is
 * published again in place of the old one, and back to green; a parent of variations owes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectedProduct, createWorld, inject, type World } from '../sync/world.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

const pt = (method: string, url: string, body?: unknown) =>
  inject(world.t.app, { ...world.t.seller.headers, 'accept-language': 'pt-BR' }, method, url, body);

describe('a closed listing', () => {
  it('shows red with the marketplace’s reason until it is published again', async () => {
    const first = await connectedProduct(world, 'FECHADO-1', 5);
    await world.api('POST', '/products/FECHADO-1/sync');
    await world.control('PATCH', `/mercadolivre/listings/${first.external_id}`, { status: 'closed' });
    await world.api('PUT', '/products/FECHADO-1', { product: { qty: 8 } });
    const synced = await world.api('POST', '/products/FECHADO-1/sync');
    assert.ok(synced.body.results.some((r: { outcome: string }) => r.outcome === 'failed'));

    const [listing] = (await pt('GET', '/listings?sku=FECHADO-1')).body.listings;
    assert.equal(listing.flag, 'red');
    assert.equal(listing.code, 'ml.item.status.not_modifiable');
    assert.ok(listing.reason, 'the marketplace’s own words');
    assert.match(listing.hint, /Publicar de novo/);
    assert.ok(listing.refused.includes('stock'));

    const [painel] = (await world.api('GET', '/dashboard')).body.connections;
    assert.equal(painel.listings.red, 1, 'the Painel counts it red');
    assert.ok(painel.refused.stock >= 1);
    const explained = (await pt('GET', '/products/FECHADO-1/sync_status')).body.listings[0];
    assert.equal(explained.flag, 'red');
    assert.match(explained.stock.last_error.hint, /encerrado/);

    const again = await pt('POST', `/products/FECHADO-1/listings/${world.connectionId}/republish`);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    const [renewed] = again.body.listings;
    assert.equal(renewed.flag, 'green');
    assert.notEqual(renewed.external_id, first.external_id, 'a new listing in place of the closed one');
    await world.api('POST', '/products/FECHADO-1/sync');
    const live = await world.control('GET', `/mercadolivre/listings/${renewed.external_id}`);
    assert.equal(live.stock, 8);
    const [after] = (await world.api('GET', '/dashboard')).body.connections;
    assert.equal(after.listings.red, 0);
    assert.equal(after.refused.stock, 0);
  });

  it('is the only kind published again: an open listing is refused, in Portuguese', async () => {
    await connectedProduct(world, 'ABERTO-1', 2);
    const refused = await pt('POST', `/products/ABERTO-1/listings/${world.connectionId}/republish`);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'not_closed');
    assert.match(refused.body.error, /não está encerrado/);
  });
});

describe('a parent of variations', () => {
  it('is a container: it owes nothing, its variations carry stock and price', async () => {
    const created = await world.api('POST', '/products', {
      product: {
        sku: 'PAI-1',
        name: 'Tênis de corrida',
        qty: 0,
        price: 199,
        variations: [
          { sku: 'PAI-1-38', qty: 6, price: 199, specifications: [{ key: 'Tamanho', value: '38' }] },
          { sku: 'PAI-1-40', qty: 7, price: 199, specifications: [{ key: 'Tamanho', value: '40' }] },
        ],
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const connected = await world.api('POST', `/products/PAI-1/listings/${world.connectionId}`);
    assert.equal(connected.status, 201, JSON.stringify(connected.body));
    const explained = (await world.api('GET', '/products/PAI-1/sync_status')).body.listings;
    const parent = explained.find((l: { sku: string }) => l.sku === 'PAI-1');
    assert.equal(parent.container, true);
    assert.equal(parent.stock.pending, false);
    assert.equal(parent.stock.waiting_for.code, 'container');
  });
});

describe('a marketplace that applies writes later (Magalu)', () => {
  it('shows the listing yellow until the marketplace shows the send, then green', async () => {
    const created = await world.api('POST', '/connections', {
      connection: {
        channel: 'magalu',
        base_url: world.sim.baseUrl('magalu'),
        client_id: 'magalu-sim-client',
        client_secret: 'magalu-sim-secret',
      },
    });
    const answer = await fetch(created.body.authorize_url, { redirect: 'manual' });
    const back = new URL(answer.headers.get('location') ?? '');
    await world.t.app.inject({ method: 'GET', url: `/oauth/callback${back.search}` });
    const magalu = created.body.connection.id;
    assert.equal(created.body.connection.name, 'Magalu', 'named after the marketplace');
    await world.api('POST', '/products', { product: { sku: 'MG-1', name: 'Caneca', qty: 3, price: 30 } });
    const listed = await world.control('POST', '/magalu/listings', { sku: 'MG-1', price: 100, stock: 0 });
    const linked = await world.api('POST', `/products/MG-1/listings/${magalu}`, { external_id: listed.id });
    assert.equal(linked.status, 201, JSON.stringify(linked.body));

    await world.control('PATCH', '/magalu/settings', { apply_delay_ms: 600_000 });
    await world.api('POST', '/products/MG-1/sync');
    const waiting = (await pt('GET', '/listings?sku=MG-1')).body.listings.find(
      (l: { connection_id: number }) => l.connection_id === magalu,
    );
    assert.equal(waiting.flag, 'yellow', 'accepted (202) but not shown at Magalu yet');
    assert.equal(waiting.code, 'awaiting_acceptance');
    const painel = (await world.api('GET', '/dashboard')).body.connections.find(
      (c: { connection: { id: number } }) => c.connection.id === magalu,
    );
    assert.equal(painel.listings.yellow, 1, 'the Painel counts it as its flag says');
    assert.equal(painel.listings.green, 0);

    await world.control('PATCH', '/magalu/settings', { apply_delay_ms: 0 });
    await world.api('PUT', '/products/MG-1', { product: { qty: 4, price: 31 } });
    await world.api('POST', '/products/MG-1/sync');
    const shown = (await pt('GET', '/listings?sku=MG-1')).body.listings.find(
      (l: { connection_id: number }) => l.connection_id === magalu,
    );
    assert.equal(shown.flag, 'green', 'read back at Magalu: confirmed');
  });
});
