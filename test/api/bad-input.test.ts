/**
 * Hostile and malformed input: every case is a 4xx whose `error` names the field and the rule, and
 * changes nothing. No input makes the server answer 5xx.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { createTestApp, type TestApp } from '../helpers.ts';
import {
  appWith,
  assertError,
  assertNoContent,
  assertStatus,
  type Client,
  client,
  createProduct,
  getProduct,
  sku,
} from './client.ts';

let t: TestApp;
let c: Client;

before(async () => {
  t = await createTestApp();
  c = client(t.app, t.seller);
  await createProduct(c, {
    sku: 'BAD-1',
    name: 'Alvo',
    qty: 5,
    price: 10,
    promotional_price: 9,
    variations: [{ sku: 'BAD-1-V', qty: 2 }],
  });
});
after(() => t.close());

/** What a refused request must not have changed. */
async function catalogState() {
  return {
    product: (await c.get('/products/BAD-1')).json(),
    variation: (await c.get('/variations/BAD-1-V')).json(),
    list: (await c.get('/products')).json(),
    history: (await c.get('/products/BAD-1/history')).json(),
  };
}

interface Case {
  name: string;
  request: InjectOptions;
  status: number;
  error: RegExp;
}

const json = { 'content-type': 'application/json' };
const put = (payload: unknown, url = '/products/BAD-1'): InjectOptions => ({
  method: 'PUT',
  url,
  payload: payload as object,
});
const raw = (
  method: 'PUT' | 'POST',
  url: string,
  payload: string | Buffer,
  headers: Record<string, string> = json,
) => ({
  method,
  url,
  payload,
  headers,
});

const cases: Case[] = [
  // Syntax and framing
  {
    name: 'malformed JSON',
    request: raw('PUT', '/products/BAD-1', '{"product": {"qty": 5}'),
    status: 400,
    error: /^body: is not valid JSON/,
  },
  {
    name: 'NaN literal',
    request: raw('PUT', '/products/BAD-1', '{"product":{"qty":NaN}}'),
    status: 400,
    error: /^body: is not valid JSON/,
  },
  {
    name: 'trailing comma',
    request: raw('PUT', '/products/BAD-1', '{"product":{"qty":1,}}'),
    status: 400,
    error: /^body: is not valid JSON/,
  },
  { name: 'empty body', request: raw('PUT', '/products/BAD-1', ''), status: 400, error: /^body: / },
  {
    name: 'JSON null',
    request: raw('PUT', '/products/BAD-1', 'null'),
    status: 400,
    error: /^body: must be a JSON object/,
  },
  { name: 'JSON array', request: put([{ qty: 1 }]), status: 400, error: /^body: must be a JSON object/ },
  {
    name: 'JSON string',
    request: raw('PUT', '/products/BAD-1', '"qty=1"'),
    status: 400,
    error: /^body: must be a JSON object/,
  },
  {
    name: '"product": null',
    request: put({ product: null }),
    status: 400,
    error: /^product: must be object/,
  },
  {
    name: '__proto__ key',
    request: raw('PUT', '/products/BAD-1', '{"product":{"__proto__":{"qty":1}}}'),
    status: 400,
    error: /^body: /,
  },
  // Types
  {
    name: 'qty as a string',
    request: put({ product: { qty: '5' } }),
    status: 400,
    error: /^product\.qty: must be integer/,
  },
  {
    name: 'qty true',
    request: put({ product: { qty: true } }),
    status: 400,
    error: /^product\.qty: must be integer/,
  },
  {
    name: 'qty null',
    request: put({ product: { qty: null } }),
    status: 400,
    error: /^product\.qty: must be integer/,
  },
  {
    name: 'qty 1.5',
    request: put({ product: { qty: 1.5 } }),
    status: 400,
    error: /^product\.qty: must be integer/,
  },
  {
    name: 'qty as an array',
    request: put({ product: { qty: [5] } }),
    status: 400,
    error: /^product\.qty: must be integer/,
  },
  {
    name: 'negative qty',
    request: put({ product: { qty: -1 } }),
    status: 400,
    error: /^product\.qty: must be >= 0/,
  },
  {
    name: 'qty 1e400 (Infinity)',
    request: raw('PUT', '/products/BAD-1', '{"product":{"qty":1e400}}'),
    status: 400,
    error: /^product\.qty: must be <= /,
  },
  {
    name: 'qty above the maximum',
    request: put({ product: { qty: 2 ** 31 } }),
    status: 400,
    error: /^product\.qty: must be <= /,
  },
  {
    name: 'unwrapped negative qty',
    request: put({ qty: -3 }),
    status: 400,
    error: /^product\.qty: must be >= 0/,
  },
  {
    name: 'price as a string',
    request: put({ product: { price: '10.00' } }),
    status: 400,
    error: /^product\.price: must be number/,
  },
  {
    name: 'price with 3 decimals',
    request: put({ product: { price: 10.123 } }),
    status: 400,
    error: /^product\.price: must have at most 2 decimal places/,
  },
  {
    name: 'price 0',
    request: put({ product: { price: 0 } }),
    status: 400,
    error: /^product\.price: must be >/,
  },
  {
    name: 'negative price',
    request: put({ product: { price: -1 } }),
    status: 400,
    error: /^product\.price: must be >/,
  },
  {
    name: 'price 1e-12 (rounds to 0.00)',
    request: put({ product: { price: 1e-12 } }),
    status: 400,
    error: /^product\.price: must be >/,
  },
  {
    name: 'price 1e400',
    request: raw('PUT', '/products/BAD-1', '{"product":{"price":1e400}}'),
    status: 400,
    error: /^product\.price: must be <= 99999999.99/,
  },
  {
    name: 'price null',
    request: put({ product: { price: null } }),
    status: 400,
    error: /^product\.price: must be number/,
  },
  {
    name: 'promotional price with 3 decimals',
    request: put({ product: { promotional_price: 1.005 } }),
    status: 400,
    error: /^product\.promotional_price: /,
  },
  {
    name: 'status not enabled/disabled',
    request: put({ product: { status: 'active' } }),
    status: 400,
    error: /^product\.status: must be one of "enabled", "disabled"/,
  },
  {
    name: 'weight negative',
    request: put({ product: { weight: -1 } }),
    status: 400,
    error: /^product\.weight: must be >= 0/,
  },
  {
    name: 'images not an array',
    request: put({ product: { images: 'https://x/1.jpg' } }),
    status: 400,
    error: /^product\.images: must be array/,
  },
  {
    name: 'categories item without name',
    request: put({ product: { categories: [{ code: 'x' }] } }),
    status: 400,
    error: /^product\.categories\[0\]\.name: is required/,
  },
  {
    name: 'variation with a bad qty',
    request: put({ product: { variations: [{ sku: 'BAD-1-V', qty: -1 }] } }),
    status: 400,
    error: /^product\.variations\[0\]\.qty: must be >= 0/,
  },
  // Unknown fields and lengths
  {
    name: 'unknown field',
    request: put({ product: { quantity: 5 } }),
    status: 400,
    error: /^product\.quantity: is not a known field/,
  },
  {
    name: 'unknown field beside the wrapper',
    request: put({ product: { qty: 1 }, stock: 1 }),
    status: 400,
    error: /^stock: is not a known field/,
  },
  {
    name: 'over-long name',
    request: put({ product: { name: 'x'.repeat(501) } }),
    status: 400,
    error: /^product\.name: must NOT have more than 500 characters/,
  },
  {
    name: 'over-long brand',
    request: put({ product: { brand: 'x'.repeat(256) } }),
    status: 400,
    error: /^product\.brand: /,
  },
  {
    name: 'too many images',
    request: put({ product: { images: Array(51).fill('https://x/1.jpg') } }),
    status: 400,
    error: /^product\.images: must NOT have more than 50 items/,
  },
  // Text PostgreSQL cannot hold
  {
    name: 'NUL in a name',
    request: put({ product: { name: 'a\u0000b' } }),
    status: 400,
    error: /^product\.name: must not contain the NUL character/,
  },
  {
    name: 'NUL in a description (jsonb)',
    request: put({ product: { description: 'a\u0000b' } }),
    status: 400,
    error: /^product\.description: .*NUL/,
  },
  {
    name: 'NUL in a specification',
    request: put({ product: { specifications: [{ key: 'k', value: '\u0000' }] } }),
    status: 400,
    error: /^product\.specifications\[0\]\.value: .*NUL/,
  },
  {
    name: 'lone surrogate in a description',
    request: raw('PUT', '/products/BAD-1', '{"product":{"description":"a\\ud800b"}}'),
    status: 400,
    error: /^product\.description: must be valid Unicode/,
  },
  {
    name: 'lone surrogate in a name',
    request: raw('PUT', '/products/BAD-1', '{"product":{"name":"\\udfff"}}'),
    status: 400,
    error: /^product\.name: must be valid Unicode/,
  },
  // Stamps
  {
    name: 'updated_at not a date',
    request: put({ product: { qty: 1, updated_at: 'yesterday' } }),
    status: 400,
    error: /^product\.updated_at: must be a valid date-time/,
  },
  {
    name: 'updated_at without a time zone',
    request: put({ product: { qty: 1, updated_at: '2026-01-01T10:00:00' } }),
    status: 400,
    error: /^product\.updated_at: must be a valid date-time/,
  },
  {
    name: 'updated_at in year 0000',
    request: put({ product: { qty: 1, updated_at: '0000-01-01T00:00:00Z' } }),
    status: 400,
    error: /^product\.updated_at: must be a valid date-time/,
  },
  {
    name: 'updated_at offset +16:00',
    request: put({ product: { qty: 1, updated_at: '2026-01-01T00:00:00+16:00' } }),
    status: 400,
    error: /^product\.updated_at: must be a valid date-time/,
  },
  {
    name: 'updated_at offset -23:59',
    request: put({ product: { qty: 1, updated_at: '2026-01-01T00:00:00-23:59' } }),
    status: 400,
    error: /^product\.updated_at: must be a valid date-time/,
  },
  {
    name: 'updated_at 31 February',
    request: put({ product: { qty: 1, updated_at: '2026-02-31T00:00:00Z' } }),
    status: 400,
    error: /^product\.updated_at: must be a valid date-time/,
  },
  {
    name: 'sequence negative',
    request: put({ product: { qty: 1, sequence: -1 } }),
    status: 400,
    error: /^product\.sequence: must be >= 0/,
  },
  {
    name: 'sequence as a string',
    request: put({ product: { qty: 1, sequence: '7' } }),
    status: 400,
    error: /^product\.sequence: must be integer/,
  },
  {
    name: 'sequence above 2^53',
    request: put({ product: { qty: 1, sequence: 2 ** 60 } }),
    status: 400,
    error: /^product\.sequence: must be <= /,
  },
  // SKUs
  {
    name: 'SKU in the body differing from the path',
    request: put({ product: { sku: 'OTHER' } }),
    status: 400,
    error: /^product\.sku: "OTHER" differs/,
  },
  // Variations route
  {
    name: 'variation qty negative',
    request: put({ variation: { qty: -1 } }, '/variations/BAD-1-V'),
    status: 400,
    error: /^variation\.qty: must be >= 0/,
  },
  {
    name: 'variation unknown field',
    request: put({ variation: { name: 'x' } }, '/variations/BAD-1-V'),
    status: 400,
    error: /^variation\.name: is not a known field/,
  },
  // Business rules
  {
    name: 'promotional price above price',
    request: put({ product: { promotional_price: 11 } }),
    status: 422,
    error: /^promotional_price: must not be greater than price/,
  },
  {
    name: 'price below the promotional price',
    request: put({ product: { price: 8 } }),
    status: 422,
    error: /^promotional_price: must not be greater than price/,
  },
  // Media types
  {
    name: 'non-UTF-8 body',
    request: raw(
      'PUT',
      '/products/BAD-1',
      Buffer.concat([Buffer.from('{"product":{"name":"a'), Buffer.from([0xe7]), Buffer.from('"}}')]),
    ),
    status: 415,
    error: /^body: must be UTF-8/,
  },
  {
    name: 'a charset other than UTF-8',
    request: raw('PUT', '/products/BAD-1', '{"product":{"qty":1}}', {
      'content-type': 'application/json; charset=iso-8859-1',
    }),
    status: 415,
    error: /^body: must be UTF-8/,
  },
  {
    name: 'missing Content-Type',
    request: raw('PUT', '/products/BAD-1', '{"product":{"qty":1}}', {}),
    status: 415,
    error: /^Content-Type: must be application\/json/,
  },
  {
    name: 'Content-Type text/plain',
    request: raw('PUT', '/products/BAD-1', '{"product":{"qty":1}}', { 'content-type': 'text/plain' }),
    status: 415,
    error: /^Content-Type: must be application\/json/,
  },
  {
    name: 'a form body',
    request: raw('PUT', '/products/BAD-1', 'qty=1', { 'content-type': 'application/x-www-form-urlencoded' }),
    status: 415,
    error: /^Content-Type: must be application\/json/,
  },
  {
    name: 'Accept: text/html',
    request: {
      method: 'PUT',
      url: '/products/BAD-1',
      payload: { product: { qty: 1 } },
      headers: { accept: 'text/html' },
    },
    status: 406,
    error: /^Accept: this API answers application\/json only/,
  },
  {
    name: 'oversized body (over 5 MB)',
    request: raw(
      'PUT',
      '/products/BAD-1',
      JSON.stringify({ product: { description: 'x'.repeat(5 * 1024 * 1024) } }),
    ),
    status: 413,
    error: /^body: is larger than/,
  },
];

describe('refused requests change nothing', () => {
  let snapshot: Awaited<ReturnType<typeof catalogState>>;
  before(async () => {
    snapshot = await catalogState();
  });

  for (const { name, request, status, error } of cases) {
    test(`${name}: ${status}`, async () => {
      assertError(await c.send(request), status, error);
      assert.deepEqual(await catalogState(), snapshot);
    });
  }
});

describe('POST /products bad input creates nothing', () => {
  const posts: [string, unknown, number, RegExp][] = [
    ['no sku', { product: { name: 'x' } }, 400, /^product\.sku: is required/],
    [
      'empty sku',
      { product: { sku: '' } },
      400,
      /^product\.sku: must not be empty or contain whitespace|^product\.sku: must NOT have fewer/,
    ],
    [
      'sku with a space',
      { product: { sku: 'A B' } },
      400,
      /^product\.sku: must not be empty or contain whitespace/,
    ],
    [
      'sku with a leading space',
      { product: { sku: ' AB' } },
      400,
      /^product\.sku: must not be empty or contain whitespace/,
    ],
    [
      'sku with a tab',
      { product: { sku: 'A\tB' } },
      400,
      /^product\.sku: must not be empty or contain whitespace/,
    ],
    [
      'sku with a newline',
      { product: { sku: 'AB\n' } },
      400,
      /^product\.sku: must not be empty or contain whitespace/,
    ],
    [
      'sku with a no-break space',
      { product: { sku: 'A\u00a0B' } },
      400,
      /^product\.sku: must not be empty or contain whitespace/,
    ],
    [
      'sku of 101 characters',
      { product: { sku: 'S'.repeat(101) } },
      400,
      /^product\.sku: must NOT have more than 100 characters/,
    ],
    ['sku as a number', { product: { sku: 123 } }, 400, /^product\.sku: must be string/],
    [
      'sku with NUL',
      { product: { sku: 'A\u0000B' } },
      400,
      /^product\.sku: must not contain the NUL character/,
    ],
    [
      'variation sku with a space',
      { product: { sku: 'OK-1', variations: [{ sku: 'V 1' }] } },
      400,
      /^product\.variations\[0\]\.sku: must not be empty or contain whitespace/,
    ],
    [
      'unknown field',
      { product: { sku: 'OK-2', estoque: 1 } },
      400,
      /^product\.estoque: is not a known field/,
    ],
    [
      '11 categories',
      { product: { sku: 'OK-3', categories: Array(11).fill({ code: 'c', name: 'n' }) } },
      400,
      /^product\.categories: must NOT have more than 10 items/,
    ],
  ];
  for (const [name, payload, status, error] of posts) {
    test(name, async () => {
      const before = (await c.get('/products')).json().total;
      assertError(await c.post('/products', payload as object), status, error);
      assert.equal((await c.get('/products')).json().total, before);
    });
  }
});

describe('query strings and paths', () => {
  const queries: [string, RegExp][] = [
    ['/products?per_page=abc', /^per_page: must be integer/],
    ['/products?page=-1', /^page: must be >= 1/],
    ['/products?qty_from=1e400', /^qty_from: must be (integer|<=)/],
    ['/products?qty_to=99999999999', /^qty_to: must be <= /],
    ['/products?status=ENABLED', /^status: must be one of/],
    ['/products?name=%00', /^name: must not contain the NUL character/],
    ['/products?sku=a%00b', /^sku: must not contain the NUL character/],
    ['/products/BAD-1/history?before=99999999999999999999', /^before: must be <= /],
    ['/products/BAD-1/history?limit=0', /^limit: must be >= 1/],
    [`/products/${'S'.repeat(101)}`, /^sku: must NOT have more than 100 characters/],
    [`/variations/${'S'.repeat(101)}`, /^sku: must NOT have more than 100 characters/],
  ];
  for (const [url, error] of queries) {
    test(`GET ${url.slice(0, 60)}: 400`, async () => {
      assertError(await c.get(url), 400, error);
    });
  }

  test('a NUL in a path SKU is 400, on every route', async () => {
    for (const [method, url] of [
      ['GET', '/products/a%00b'],
      ['PUT', '/products/a%00b'],
      ['DELETE', '/products/a%00b'],
      ['GET', '/variations/a%00b'],
      ['GET', '/products/a%00b/history'],
      ['POST', '/products/a%00b/variations'],
    ] as const) {
      const payload = method === 'PUT' || method === 'POST' ? { qty: 1, sku: 'X' } : undefined;
      assertError(await c.send({ method, url, payload }), 400, /^sku: must not contain the NUL character/);
    }
  });

  test('bad percent-encoding in a path is a 4xx, not a crash', async () => {
    for (const url of ['/products/%E0%A4%A', '/products/%ED%A0%80', '/products/%']) {
      const res = await c.get(url);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
      assert.equal(typeof res.json().error, 'string');
    }
  });

  test('a SKU with whitespace in the path is simply not found', async () => {
    assertError(await c.get('/products/a%20b'), 404, /Product: a b/);
  });
});

describe('odd but valid input is stored verbatim and harmless', () => {
  test('SQL-looking strings in every text field', async () => {
    const sql = "'; DROP TABLE products; --";
    const product = {
      sku: "x'OR'1'='1",
      name: sql,
      description: 'Robert"); DELETE FROM accounts;--',
      brand: '%_\\',
      categories: [{ code: "1' OR '1'='1", name: sql }],
      specifications: [{ key: '$1', value: '$$ LANGUAGE plpgsql $$' }],
    };
    await createProduct(c, product);
    const saved = await getProduct(c, product.sku);
    for (const key of ['name', 'description', 'brand', 'categories', 'specifications'] as const) {
      assert.deepEqual(saved[key], product[key], key);
    }
    assertNoContent(await c.put(`/products/${sku(product.sku)}`, { product: { qty: 3 } }));
    const list = (await c.get(`/products?name=${encodeURIComponent(sql)}`)).json();
    assert.deepEqual(
      list.products.map((p: { sku: string }) => p.sku),
      [product.sku],
    );
    assert.equal((await c.get(`/products?name=${encodeURIComponent("' OR 1=1 --")}`)).json().total, 0);
    assert.equal((await c.get(`/products?categories=${encodeURIComponent("1' OR '1'='1")}`)).json().total, 1);
    assertStatus(await c.get('/products/BAD-1'), 200);
  });

  test('unicode: accents, emoji, right-to-left, combining marks, astral planes', async () => {
    const product = {
      sku: 'Ação-😀-מוצר',
      name: 'Pão de queijo 🧀 — ½ kg, café ☕, e\u0301, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
      description: '日本語のテキスト',
      specifications: [{ key: 'Emoji', value: '👨‍👩‍👧‍👦' }],
    };
    await createProduct(c, product);
    const saved = await getProduct(c, product.sku);
    assert.equal(saved.name, product.name);
    assert.equal(saved.description, product.description);
    assert.deepEqual(saved.specifications, product.specifications);
    assert.equal((await c.get(`/products?name=${encodeURIComponent('🧀')}`)).json().total, 1);
  });

  test('a 500-character name, a 100-character SKU, numbers at their limits', async () => {
    const product = {
      sku: 'S'.repeat(100),
      name: 'ñ'.repeat(500),
      qty: 1_000_000_000,
      price: 99_999_999.99,
      promotional_price: 0.01,
      weight: 1_000_000,
    };
    await createProduct(c, product);
    const saved = await getProduct(c, product.sku);
    for (const key of Object.keys(product) as (keyof typeof product)[])
      assert.equal(saved[key], product[key], key);
  });

  test('a valid surrogate pair written as JSON escapes is fine', async () => {
    const res = await c.send(raw('POST', '/products', '{"product":{"sku":"ESC-1","name":"\\ud83d\\ude00"}}'));
    assertStatus(res, 201);
    assert.equal(res.json().name, '😀');
  });
});

describe('limits that depend on the configuration', () => {
  test('a body over CAIS_BODY_LIMIT_BYTES is 413 and changes nothing', async () => {
    const small = await appWith(t, { CAIS_BODY_LIMIT_BYTES: '2048' });
    try {
      const sc = client(small, t.seller);
      const res = await sc.put('/products/BAD-1', { product: { qty: 99, description: 'x'.repeat(3000) } });
      assertError(res, 413, /^body: is larger than/);
      assertNoContent(await sc.put('/products/BAD-1', { product: { qty: 5 } }));
      assert.equal((await getProduct(c, 'BAD-1')).description, null);
    } finally {
      await small.close();
    }
  });
});

describe('never a 5xx', () => {
  // Values a careless or hostile client might put anywhere: wrong types, extremes, odd text.
  const anyValue = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      -0,
      1e-12,
      2 ** 31,
      2 ** 63,
      0.1 + 0.2,
      99_999_999.995,
      '0000-01-01T00:00:00Z',
      '2026-01-01T00:00:00+99:00',
    ),
    fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.object({ maxDepth: 1 })), {
      maxLength: 3,
    }),
    fc.object({ maxDepth: 1 }),
  );
  const fields = [
    'sku',
    'name',
    'qty',
    'price',
    'promotional_price',
    'status',
    'description',
    'categories',
    'images',
    'specifications',
    'variations',
    'updated_at',
    'sequence',
    'weight',
    'crossdocking',
    'ean',
    'cost',
  ];
  const productish = fc.dictionary(
    fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 8 })),
    anyValue,
    {
      maxKeys: 5,
    },
  );

  test('random product bodies on every write route', async () => {
    const routes: [InjectOptions['method'], string, string][] = [
      ['POST', '/products', 'product'],
      ['PUT', '/products/BAD-1', 'product'],
      ['PUT', '/products/FUZZ-NEW', 'product'],
      ['POST', '/products/BAD-1/variations', 'variation'],
      ['PUT', '/variations/BAD-1-V', 'variation'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        productish,
        fc.boolean(),
        async ([method, url, key], body, wrap) => {
          const res = await c.send({
            method,
            url,
            payload: JSON.stringify(wrap ? { [key]: body } : body),
            headers: json,
          });
          assert.ok(
            res.statusCode < 500,
            `${method} ${url} ${JSON.stringify(body)} → ${res.statusCode} ${res.body}`,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test('random bulk items', async () => {
    const item = fc.dictionary(
      fc.constantFrom('sku', 'qty', 'price', 'promotional_price', 'updated_at', 'sequence'),
      anyValue,
      {
        maxKeys: 4,
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/stocks', '/prices'),
        fc.array(item, { maxLength: 5 }),
        async (url, items) => {
          const res = await c.send({ method: 'PUT', url, payload: JSON.stringify(items), headers: json });
          assert.ok(res.statusCode < 500, `${url} ${JSON.stringify(items)} → ${res.statusCode} ${res.body}`);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('random query strings and path SKUs', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const param = fc.constantFrom(
      'sku',
      'name',
      'status',
      'qty_from',
      'qty_to',
      'categories',
      'page',
      'per_page',
      'cursor',
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(param, text, { maxKeys: 3 }), text, async (query, pathSku) => {
        const qs = new URLSearchParams(query).toString();
        for (const url of [
          `/products?${qs}`,
          `/products/${encodeURIComponent(pathSku)}`,
          `/variations/${encodeURIComponent(pathSku)}`,
        ]) {
          const res = await c.get(url);
          assert.ok(res.statusCode < 500, `${url} → ${res.statusCode} ${res.body}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});
