/**
 * Ways out for a seller's connections, over HTTP: names default to the marketplace's, a
 * connection created with a wrong secret is mended by editing it, deleting one says what goes and
 * keeps the orders, and errors come back in Portuguese when asked, with the field they concern.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectedProduct, createWorld, inject, ML_CLIENT, type World } from '../sync/world.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

const inPortuguese = (method: string, url: string, body?: unknown) =>
  inject(world.t.app, { ...world.t.seller.headers, 'accept-language': 'pt-BR,pt;q=0.9' }, method, url, body);

/** Follows the simulator's consent like the seller's browser, back to Cais's callback. */
async function consent(authorizeUrl: string) {
  const answer = await fetch(authorizeUrl, { redirect: 'manual' });
  const back = new URL(answer.headers.get('location') ?? '');
  const callback = await world.t.app.inject({ method: 'GET', url: `/oauth/callback${back.search}` });
  return { status: callback.statusCode, body: JSON.parse(callback.body) };
}

describe('connection names', () => {
  it('default to the marketplace’s name, numbered when taken, and show the seller’s nickname', async () => {
    const first = await world.api('GET', `/connections/${world.connectionId}`);
    assert.equal(first.body.connection.name, 'Mercado Livre');
    assert.ok(first.body.connection.seller_name, 'the nickname Mercado Livre answers for /users/me');
    const second = await world.api('POST', '/connections', {
      connection: {
        channel: 'mercadolivre',
        base_url: world.sim.baseUrl('mercadolivre'),
        client_id: ML_CLIENT.id,
        client_secret: ML_CLIENT.secret,
      },
    });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.equal(second.body.connection.name, 'Mercado Livre 2');
    const taken = await inPortuguese('PATCH', `/connections/${second.body.connection.id}`, {
      connection: { name: 'Mercado Livre' },
    });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 'connection_name_taken');
    assert.equal(taken.body.params.field, 'connection.name');
    assert.match(taken.body.error, /já é usado por outra integração/);
    await world.api('DELETE', `/connections/${second.body.connection.id}`);
  });
});

describe('a connection created with a wrong secret', () => {
  it('is mended by editing its secret, and goes active through the consent', async () => {
    const created = await world.api('POST', '/connections', {
      connection: {
        channel: 'mercadolivre',
        name: 'ML errado',
        base_url: world.sim.baseUrl('mercadolivre'),
        client_id: ML_CLIENT.id,
        client_secret: 'not-the-secret',
      },
    });
    const id = created.body.connection.id;
    const refused = await consent(created.body.authorize_url);
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal((await world.api('GET', `/connections/${id}`)).body.connection.status, 'auth_failed');
    const edited = await world.api('PATCH', `/connections/${id}`, {
      connection: { name: 'ML certo', client_secret: ML_CLIENT.secret },
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.connection.name, 'ML certo');
    assert.equal(edited.body.connection.status, 'pending');
    assert.ok(edited.body.authorize_url, 'new app credentials start the consent again');
    const accepted = await consent(edited.body.authorize_url);
    assert.equal(accepted.body.connection.status, 'active', JSON.stringify(accepted.body));
    await world.api('DELETE', `/connections/${id}`);
  });
});

describe('deleting a connection', () => {
  it('says what goes before, and stops its schedules (replacing those shared with another)', async () => {
    const created = await world.api('POST', '/connections', {
      connection: {
        channel: 'mercadolivre',
        name: 'Para excluir',
        base_url: world.sim.baseUrl('mercadolivre'),
        client_id: ML_CLIENT.id,
        client_secret: ML_CLIENT.secret,
      },
    });
    const id = created.body.connection.id;
    await consent(created.body.authorize_url);
    await connectedProduct(world, 'DEL-1');
    const onlyIt = await world.api('POST', '/sync/schedules', {
      schedule: { connections: [id], resources: ['stock'], every: '15m' },
    });
    const both = await world.api('POST', '/sync/schedules', {
      schedule: { connections: [id, world.connectionId], resources: ['price'], every: '30m' },
    });
    const before = await world.api('GET', `/connections/${id}`);
    assert.deepEqual(before.body.footprint, { listings: 0, schedules: 2, orders: 0 });
    const deleted = await world.api('DELETE', `/connections/${id}`);
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    assert.deepEqual(deleted.body.cancelled_schedules, [onlyIt.body.schedule.id]);
    assert.equal(deleted.body.replaced_schedules[0].id, both.body.schedule.id);
    const schedules = (await world.api('GET', '/sync/schedules')).body.schedules;
    const replacement = schedules.find((s: { id: number }) => s.id === deleted.body.replaced_schedules[0].by);
    assert.deepEqual(
      replacement.connections,
      [world.connectionId],
      'the other connection keeps its price sync',
    );
    const gone = await inPortuguese('GET', `/connections/${id}`);
    assert.equal(gone.status, 404);
    assert.equal(gone.body.error, `A integração ${id} não existe (ou foi excluída)`);
  });
});

describe('errors in the caller’s language', () => {
  it('answers Portuguese with the field and the rule when asked, English otherwise', async () => {
    const bad = {
      connection: { channel: 'mercadolivre', base_url: 'ftp://x', client_id: 'a', client_secret: 'b' },
    };
    const pt = await inPortuguese('POST', '/connections', bad);
    assert.equal(pt.status, 400);
    assert.equal(pt.body.error, 'connection.base_url: deve começar com http:// ou https://');
    assert.deepEqual(pt.body.params, { field: 'connection.base_url', rule: 'http_url' });
    const en = await world.api('POST', '/connections', bad);
    assert.equal(en.body.error, 'connection.base_url: must be http or https');
    const rules = await inPortuguese('PUT', `/connections/${world.connectionId}/rules`, {
      rules: { stock: { buffer_units: -1 } },
    });
    assert.equal(rules.status, 400);
    assert.equal(rules.body.params.field, 'rules.stock.buffer_units');
    assert.equal(rules.body.error, 'rules.stock.buffer_units: deve ser no mínimo 0');
    const unknown = await inPortuguese('GET', '/products/NAO-EXISTE');
    assert.equal(unknown.body.error, 'Não foi possível encontrar o produto NAO-EXISTE');
  });
});
