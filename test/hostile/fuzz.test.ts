/**
 * The OpenAPI-driven fuzzer: every route in /openapi.json (and the hidden operator, callback and
 * console routes) gets malformed and hostile requests, with an ERP's API key, with a console
 * session, and with no or wrong credentials. Whatever it sends, the answer is never a 5xx, every
 * 4xx is JSON with a string `error` and is documented for the route, and the server stays up.
 *
 * The seed is fixed, so a run reproduces; FUZZ_SEED and FUZZ_RUNS change it and its length:
 *   FUZZ_SEED=123 FUZZ_RUNS=200 npx node --test test/hostile/fuzz.test.ts
 * A failure names the seed, the route and the request.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApiKey } from '../../src/accounts/accounts.ts';
import { login } from '../../src/accounts/sessions.ts';
import {
  accepts,
  contentTypes,
  exampleOf,
  fromSchema,
  hostileJson,
  hostileText,
  type Known,
  rawBodies,
  textFieldProbes,
  textPaths,
  withField,
} from './arbitraries.ts';
import { blockedHosts, forbidOutboundNetwork } from './no-network.ts';
import { fillPath, type Operation, operationsOf, opName } from './openapi.ts';
import { type Browser, seededWorld } from './seed.ts';

forbidOutboundNetwork();

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_801);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
// The default body limit: deep nesting and oversized bodies are tried at the production size.
const BODY_LIMIT = 5 * 1024 * 1024;

type Mode = 'key' | 'session' | 'anonymous';

interface FuzzRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer | undefined;
  remoteAddress?: string | undefined;
}

const stats = { requests: 0, byStatus: new Map<number, number>() };
// Built before the tests are declared: the list of tests is the list of routes the app documents.
// A long run (FUZZ_RUNS in the thousands) must not spend itself on the per-account rate limit.
const { world, seeded, owner: firstOwner } = await seededWorld({ CAIS_RATE_LIMIT_PER_MINUTE: '10000000' });
let owner: Browser = firstOwner;
let keyHeaders: Record<string, string> = { ...world.t.seller.headers };
// "Run now" needs a queue; the fuzzer only checks that it answers.
world.attachQueue(async () => true);
const operations = await operationsOf(world.t.app);
const known: Known = {
  sku: [seeded.skus.product, seeded.skus.variation, seeded.skus.listed, seeded.skus.other],
  skus: [seeded.skus.product, seeded.skus.listed],
  entity_id: [seeded.skus.listed, seeded.importedOrderCode],
  code: [
    seeded.categoryCode,
    seeded.statusCode,
    seeded.testOrderCode,
    seeded.importedOrderCode,
    'stock_sync',
  ],
  name: [seeded.attributeName],
  id: [seeded.connectionId, seeded.scheduleId, seeded.runId, seeded.webhookId],
  connection: [seeded.connectionId],
  connection_id: [seeded.connectionId],
  connections: [seeded.connectionId],
  schedule_id: [seeded.scheduleId],
  deliveryId: [seeded.deliveryId],
  delivery_ids: [seeded.deliveryId],
  external_id: ['MLB1'],
};

after(async () => {
  const statuses = [...stats.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  console.log(`fuzz: seed ${SEED}, ${stats.requests} requests, answers ${statuses.join(' ')}`);
  if (blockedHosts.length)
    console.log(`fuzz: outbound connections kept off the network: ${blockedHosts.length}`);
  await world.close();
});

// ---------------------------------------------------------------------------------------------
// Sending and checking

function show(req: FuzzRequest): string {
  const payload =
    req.payload === undefined
      ? ''
      : Buffer.isBuffer(req.payload)
        ? `\n  body (hex): ${req.payload.subarray(0, 200).toString('hex')}`
        : `\n  body (${req.payload.length} chars): ${JSON.stringify(req.payload.slice(0, 600))}`;
  return `${req.method} ${req.url.slice(0, 600)}\n  headers: ${JSON.stringify(req.headers)}${payload}${
    req.remoteAddress ? `\n  from ${req.remoteAddress}` : ''
  }`;
}

async function send(req: FuzzRequest): Promise<LightMyRequestResponse> {
  const options: InjectOptions = { method: req.method, url: req.url, headers: req.headers };
  if (req.payload !== undefined) options.payload = req.payload;
  options.remoteAddress = req.remoteAddress ?? ownAddress;
  return world.t.app.inject(options);
}

/** The property every answer holds; `responses` is what the route documents. */
async function check(req: FuzzRequest, responses: string[] | undefined, where: string): Promise<void> {
  let res: LightMyRequestResponse;
  try {
    res = await send(req);
  } catch (error) {
    // light-my-request refuses some requests before they reach the server (a header value with
    // a newline): those are not requests a client can make, so they prove nothing either way.
    if (error instanceof TypeError || (error as { code?: string }).code?.startsWith('ERR_')) return;
    throw error;
  }
  stats.requests++;
  stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
  const context = () =>
    `${where}: answered ${res.statusCode} ${res.body.slice(0, 300)}\n  to ${show(req)}\n  reproduce: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npx node --test --test-name-pattern=${JSON.stringify(where)} test/hostile/fuzz.test.ts`;
  assert.ok(res.statusCode < 500, context());
  if (res.statusCode >= 400) {
    assert.match(String(res.headers['content-type']), /^application\/json/, context());
    const body = JSON.parse(res.body);
    assert.equal(typeof body.error, 'string', context());
    assert.ok(body.error.length > 0, context());
    if (responses)
      assert.ok(
        responses.includes(String(res.statusCode)) || responses.includes('4XX'),
        `undocumented ${res.statusCode}; ${context()}`,
      );
  }
}

async function assertUp(): Promise<void> {
  const res = await world.t.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(res.statusCode, 200, 'the server is still up');
}

/**
 * The fuzzer may revoke its own API key or delete its own console user (it is allowed to): each
 * batch starts with working credentials.
 */
/**
 * The address the fuzzer's own key and session send from. When the fuzzer revokes its own key, its
 * next requests are failed attempts, and past the brute-force limit its address is locked out, as
 * any guesser's would be; each batch starts from a fresh address, as a fresh ERP would.
 */
let ownAddress = '192.0.2.1';
let batches = 0;

function freshAddress(): void {
  batches++;
  ownAddress = `192.0.${2 + Math.floor(batches / 250)}.${1 + (batches % 250)}`;
}

async function ensureCredentials(): Promise<void> {
  freshAddress();
  const byKey = await world.t.app.inject({
    method: 'GET',
    url: '/channels',
    headers: keyHeaders,
    remoteAddress: ownAddress,
  });
  // A revoked key is a 401, or a 429 once the fuzzer's wrong keys have locked its email.
  if (byKey.statusCode === 401 || byKey.statusCode === 429) {
    const key = await createApiKey(world.t.db, world.t.seller.accountId, 'fuzz');
    keyHeaders = { ...keyHeaders, 'x-api-key': key.key };
    // That probe was a failed attempt from this address: the new key starts from a clean one.
    freshAddress();
  }
  // Rehub's routes take a bearer token traded for the key (POST /auth); SkyHub's ignore it.
  const auth = await world.t.app.inject({
    method: 'POST',
    url: '/auth',
    headers: { 'x-accountmanager-key': 'erp' },
    payload: { user_email: keyHeaders['x-user-email'], api_key: keyHeaders['x-api-key'] },
    remoteAddress: ownAddress,
  });
  if (auth.statusCode === 200) keyHeaders = { ...keyHeaders, authorization: `Bearer ${auth.json().token}` };
  const bySession = await world.t.app.inject({
    method: 'GET',
    url: '/session',
    headers: { cookie: owner.cookie },
  });
  if (bySession.statusCode === 401) {
    // Not over HTTP: the fuzzer's own POST /session traffic has used up this address's login limit.
    const { sessionId, session } = await login(world.t.db, {
      email: world.t.seller.email,
      password: 'secret-password',
      address: '192.0.2.1',
    });
    owner = { cookie: `cais_session=${sessionId}`, csrf: session.csrfToken };
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

/**
 * Percent-encodes text for a path; a lone surrogate (which encodeURIComponent refuses) is sent as
 * the bytes of its code unit, as a sloppy client would (invalid UTF-8 on the wire).
 */
function encodePath(text: string): string {
  let out = '';
  for (const char of text) {
    const unit = char.charCodeAt(0);
    out +=
      char.length === 1 && unit >= 0xd800 && unit <= 0xdfff
        ? `%${(0xe0 | (unit >> 12)).toString(16)}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16)}%${(0x80 | (unit & 0x3f)).toString(16)}`
        : encodeURIComponent(char);
  }
  return out;
}

const rawPathValues = ['%', '%zz', '%00', '%E0%A4%A', '..', '%2e%2e', 'a%2Fb', '%20', '%C0%AE', '%FF'];

function pathValue(name: string): fc.Arbitrary<string> {
  const hints = known[name] ?? [];
  return fc.oneof(
    {
      weight: 3,
      arbitrary: hints.length
        ? fc.constantFrom(...hints.map((h) => encodePath(String(h))))
        : hostileText.map(encodePath),
    },
    { weight: 3, arbitrary: hostileText.map(encodePath) },
    { weight: 1, arbitrary: fc.constantFrom(...rawPathValues) },
  );
}

function queryArb(op: Operation): fc.Arbitrary<string> {
  const declared = op.parameters.filter((p) => p.in === 'query');
  const pair = fc.oneof(
    ...(declared.length
      ? [
          {
            weight: 4,
            arbitrary: fc
              .constantFrom(...declared)
              .chain((p) =>
                fc.tuple(
                  fc.constant(p.name),
                  fc.oneof(fromSchema(p.schema, known, p.name).map(String), hostileText),
                ),
              ),
          },
        ]
      : []),
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.oneof(hostileText, fc.constantFrom('sku[]', 'a[b]', 'per_page[0]')),
        hostileText,
      ),
    },
  );
  return fc.array(pair, { maxLength: 4 }).map((pairs) => {
    const query = new URLSearchParams(pairs as [string, string][]).toString();
    return query ? `?${query}` : '';
  });
}

interface BodyChoice {
  payload?: string | Buffer | undefined;
  contentType?: string | undefined;
}

function bodyArb(op: Operation): fc.Arbitrary<BodyChoice> {
  const json = (value: unknown): BodyChoice => ({
    payload: JSON.stringify(value) ?? 'null',
    contentType: 'application/json',
  });
  const wrongType = fc
    .tuple(
      fc.constantFrom(...contentTypes),
      fc.oneof(fc.constant('{"a":1}'), fc.constant('a=1&b=2'), hostileText),
    )
    .map(([contentType, payload]) => ({ contentType, payload }));
  const none = fc.constant<BodyChoice>({});
  const expectsBody = op.body !== undefined || ['POST', 'PUT', 'PATCH'].includes(op.method);
  if (!expectsBody)
    return fc.oneof(
      { weight: 6, arbitrary: none },
      { weight: 1, arbitrary: hostileJson.map(json) },
      { weight: 1, arbitrary: wrongType },
    );
  return fc.oneof(
    { weight: 8, arbitrary: fromSchema(op.body ?? {}, known).map(json) },
    { weight: 2, arbitrary: hostileJson.map(json) },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: none },
  );
}

function headersArb(mode: Mode): fc.Arbitrary<{ headers: Record<string, string>; remoteAddress?: string }> {
  // Odd headers now and then: most requests should get past content negotiation to the route.
  const extras = fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.record(
        {
          accept: fc.constantFrom(...accepts),
          'idempotency-key': fc.oneof(
            fc.string({ maxLength: 300 }),
            fc.constantFrom('', ' ', 'x'.repeat(5_000)),
          ),
          'x-request-id': fc.string({ maxLength: 200 }),
          'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'x'),
        },
        { requiredKeys: [] },
      ),
    },
  );
  const credentials: fc.Arbitrary<{ headers: Record<string, string>; remoteAddress?: string }> =
    mode === 'key'
      ? fc.constant({ headers: keyHeaders })
      : mode === 'session'
        ? fc.boolean().map((withToken) => ({
            headers: {
              cookie: owner.cookie,
              accept: 'application/json',
              ...(withToken ? { 'x-csrf-token': owner.csrf } : {}),
            },
          }))
        : fc.oneof(
            fc.constant({ headers: {} }),
            // Wrong credentials come from an address of their own, so the brute-force limit they may
            // trip never touches the fuzzer's valid key.
            fc
              .tuple(
                fc.constantFrom(world.t.seller.email, 'nobody@example.com', ''),
                hostileText,
                fc.integer({ min: 1, max: 254 }),
              )
              .map(([email, key, host]) => ({
                headers: { 'x-user-email': email, 'x-api-key': key, 'x-accountmanager-key': 'erp' },
                remoteAddress: `198.51.100.${host}`,
              })),
            fc.constant({ headers: { cookie: 'cais_session=forged-session-id-that-is-43-characters-long' } }),
          );
  return fc.tuple(credentials, extras).map(([c, extra]) => ({ ...c, headers: { ...c.headers, ...extra } }));
}

function requestArb(op: Operation, mode: Mode): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const path = fc
    .tuple(...pathParams.map((p) => pathValue(p.name).map((v) => [p.name, v] as const)))
    .map((pairs) => fillPath(op.path, Object.fromEntries(pairs)));
  return fc.tuple(path, queryArb(op), bodyArb(op), headersArb(mode)).map(([p, query, body, h]) => {
    const headers = { ...h.headers };
    if (body.contentType) headers['content-type'] = body.contentType;
    return {
      method: op.method,
      url: p + query,
      headers,
      payload: body.payload,
      remoteAddress: h.remoteAddress,
    };
  });
}

// Routes /openapi.json does not show: operator endpoints, the OAuth callback, the console.
const hiddenRoutes: Operation[] = [
  ['GET', '/healthz'],
  ['GET', '/readyz'],
  ['GET', '/metrics'],
  ['GET', '/openapi.json'],
  ['GET', '/oauth/callback'],
  ['GET', '/'],
  ['GET', '/produtos/{sku}'],
  ['GET', '/assets/{file}'],
  ['GET', '/docs/{file}'],
].map(([method, path]) => ({
  method: method as Operation['method'],
  path: path!,
  summary: 'hidden',
  parameters: [
    ...[...path!.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1]!,
      in: 'path' as const,
      required: true,
      schema: { type: 'string' },
    })),
    ...(path === '/oauth/callback'
      ? ['state', 'code', 'error', 'spapi_oauth_code', 'shop_id'].map((name) => ({
          name,
          in: 'query' as const,
          required: false,
          schema: { type: 'string' },
        }))
      : []),
  ],
  body: undefined,
  responses: ['4XX'],
  secured: false,
}));

// Deletes run last, so the routes before them still find the seeded data.
const order = (op: Operation) => (op.method === 'DELETE' ? 1 : 0);

// ---------------------------------------------------------------------------------------------

describe('fuzzing every documented route', () => {
  for (const op of [...operations, ...hiddenRoutes].sort((a, b) => order(a) - order(b))) {
    const name = opName(op);
    test(name, async () => {
      await ensureCredentials();
      const documented = op.summary === 'hidden' ? undefined : op.responses;
      for (const [mode, runs] of [
        ['key', RUNS],
        ['session', Math.ceil(RUNS / 2)],
        ['anonymous', Math.ceil(RUNS / 3)],
      ] as const) {
        await fc.assert(
          fc.asyncProperty(requestArb(op, mode), (req) => check(req, documented, `${name} [${mode}]`)),
          { seed: SEED, numRuns: runs, endOnFailure: true },
        );
      }
      await assertUp();
    });
  }

  test('every JSON route takes hostile raw bodies and wrong content types with a 4xx', async () => {
    await ensureCredentials();
    const raws = rawBodies(BODY_LIMIT);
    for (const op of operations.filter((o) => o.body !== undefined).sort((a, b) => order(a) - order(b))) {
      const url = fillPath(op.path, {
        sku: seeded.skus.product,
        code: encodeURIComponent(seeded.testOrderCode),
        name: seeded.attributeName,
        id: String(seeded.connectionId),
        connection: String(seeded.connectionId),
      });
      for (const raw of raws) {
        const req = {
          method: op.method,
          url,
          headers: { ...keyHeaders, 'content-type': 'application/json' },
          payload: raw.payload,
        };
        await check(req, op.responses, `${opName(op)} (${raw.name})`);
      }
      for (const contentType of contentTypes) {
        const req = {
          method: op.method,
          url,
          headers: { ...keyHeaders, 'content-type': contentType },
          payload: '{"a":1}',
        };
        await check(req, op.responses, `${opName(op)} (Content-Type ${contentType})`);
      }
      await assertUp();
    }
  });

  test('every text field of every body: NUL, a lone surrogate, SQL, 100,000 characters', async () => {
    await ensureCredentials();
    let sent = 0;
    for (const op of operations.filter((o) => o.body !== undefined).sort((a, b) => order(a) - order(b))) {
      const url = fillPath(op.path, {
        sku: seeded.skus.product,
        code: encodeURIComponent(seeded.testOrderCode),
        name: seeded.attributeName,
        id: String(seeded.connectionId),
        connection: String(seeded.connectionId),
      });
      const example = exampleOf(op.body!);
      for (const path of textPaths(example)) {
        for (const probe of textFieldProbes) {
          const payload = JSON.stringify(withField(example, path, probe));
          const req = {
            method: op.method,
            url,
            headers: { ...keyHeaders, 'content-type': 'application/json' },
            payload,
          };
          await check(
            req,
            op.responses,
            `${opName(op)} (${path.join('.')} = ${JSON.stringify(probe.slice(0, 12))})`,
          );
          sent++;
        }
      }
    }
    assert.ok(sent > 300, `${sent} requests`);
    await assertUp();
  });

  test('every query parameter and every hidden route’s parameter: NUL, a lone surrogate, SQL, long text', async () => {
    await ensureCredentials();
    const probes = [
      'a%00b',
      '%ED%A0%80',
      "x'%20OR%20'1'%3D'1",
      'x'.repeat(10_000),
      '-1',
      '1e309',
      '99999999999999999999',
    ];
    for (const op of [...operations, ...hiddenRoutes].filter((o) =>
      o.parameters.some((p) => p.in === 'query'),
    )) {
      const path = fillPath(op.path, {
        sku: seeded.skus.product,
        id: String(seeded.connectionId),
        code: 'x',
        name: 'x',
        connection: '1',
        deliveryId: '1',
      });
      for (const param of op.parameters.filter((p) => p.in === 'query')) {
        for (const probe of probes) {
          // The OAuth callback looks at its state only when a code came too.
          const base = op.path === '/oauth/callback' ? { code: 'x', state: 'x' } : {};
          const query = Object.entries({ ...base, [param.name]: probe })
            .map(([k, v]) => `${k}=${v}`)
            .join('&');
          const req = { method: op.method, url: `${path}?${query}`, headers: keyHeaders };
          await check(
            req,
            op.summary === 'hidden' ? undefined : op.responses,
            `${opName(op)} (?${param.name}=${probe.slice(0, 12)})`,
          );
        }
      }
    }
    await assertUp();
  });

  test('path parameters: every hostile text in every path slot', async () => {
    await ensureCredentials();
    for (const op of operations.filter((o) => o.path.includes('{')).sort((a, b) => order(a) - order(b))) {
      for (const value of [...rawPathValues, ...hostilePathTexts()]) {
        const url = op.path
          .replace(/\{\w+\}/, value)
          .replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(String(known[n]?.[0] ?? '1')));
        const req = op.body
          ? {
              method: op.method,
              url,
              headers: { ...keyHeaders, 'content-type': 'application/json' },
              payload: '{}',
            }
          : { method: op.method, url, headers: keyHeaders };
        await check(req, op.responses, `${opName(op)} (path ${value.slice(0, 20)})`);
      }
    }
    await assertUp();
  });
});

function hostilePathTexts(): string[] {
  return fc.sample(hostileText, { seed: SEED, numRuns: 12 }).map(encodePath);
}

describe('what the fuzzer found, pinned', () => {
  before(ensureCredentials);
  const post = (url: string, payload: string) =>
    world.t.app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress: ownAddress,
      headers: { ...keyHeaders, 'content-type': 'application/json' },
    });

  test('JSON nested thousands deep is a 400 naming the limit, on any route (was a 500: stack overflow)', async () => {
    for (const url of ['/products', '/session', '/notifications/mercadolivre']) {
      const res = await post(url, `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().code, 'too_deep');
      assert.match(res.json().error, /^body: must not nest objects or arrays more than 64 deep$/);
    }
    // The limit is far above any real body: 64 levels still reach the route's own validation.
    const deepest = `${'{"a":'.repeat(63)}1${'}'.repeat(63)}`;
    assert.equal((await post('/products', deepest)).json().code, 'invalid_field');
  });

  test('an Amazon connection without its application id is a 422 with the fix, and creates nothing (was a 500)', async () => {
    const before = (await send({ method: 'GET', url: '/connections', headers: keyHeaders })).json();
    const res = await post(
      '/connections',
      JSON.stringify({ connection: { channel: 'amazon', client_id: 'amzn1.app', client_secret: 'x' } }),
    );
    assert.equal(res.statusCode, 422, res.body);
    assert.match(res.json().error, /^connection: .*application id/);
    assert.match(res.json().hint, /applicationId/);
    assert.deepEqual(
      (await send({ method: 'GET', url: '/connections', headers: keyHeaders })).json(),
      before,
    );
  });

  test('a NUL in a Rehub SKU, in POST /auth or in the OAuth state is a 400 naming the field (was a 500)', async () => {
    const rehub = await world.t.app.inject({
      method: 'POST',
      url: '/rehub/product_actions',
      payload: { type: 'link', sku: 'a\u0000b' },
      headers: { authorization: keyHeaders.authorization! },
      remoteAddress: ownAddress,
    });
    assert.equal(rehub.statusCode, 400, rehub.body);
    assert.equal(rehub.json().error, 'sku: must not contain the NUL character (\\u0000)');
    const auth = await post('/auth', JSON.stringify({ user_email: '\ud800@x', api_key: 'k' }));
    assert.equal(auth.statusCode, 400, auth.body);
    const callback = await send({ method: 'GET', url: '/oauth/callback?code=x&state=a%00b', headers: {} });
    assert.equal(callback.statusCode, 400, callback.body);
    assert.match(callback.json().error, /^state: must not contain the NUL character/);
  });

  test('a missing required query parameter is named as such, not as a body field', async () => {
    const res = await send({ method: 'GET', url: '/listings', headers: keyHeaders });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'sku: is required');
  });
});
