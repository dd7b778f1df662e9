/**
 * Issue 14 walked in Chromium as a Brazilian seller would, in pt-BR and then in English, against a
 * Cais server with its worker and the marketplace simulator: every screen on an error path is
 * checked for English, raw codes and API paths (the marketplace's own words are allowed, quoted
 * and labelled as theirs). Screenshots of every page at desktop and phone width go to
 * test-output/console/ (git-ignored: test output, not sources).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type BrowserWorld,
  ML_CLIENT,
  simulatedListings,
  startBrowserWorld,
  until,
} from './browser-world.ts';

const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

let world: BrowserWorld;
let sim: BrowserWorld['sim'];
let t: BrowserWorld['t'];
let seller: BrowserWorld['seller'];
let page: Page;
let base: string;
let connectionId: number;
const erp = (method: string, path: string, body?: unknown) => world.erp(method, path, body);
const control = (method: string, path: string, body?: unknown) => world.control(method, path, body);
const shot = (name: string) => world.shot(name);

async function simulated(sku: string): Promise<{ id: string; stock: number; status: string } | undefined> {
  const list = await simulatedListings(world, sku);
  return list.find((l) => l.status !== 'closed') ?? list[0];
}

/** The page's main content as the seller reads it, without the marketplace's quoted words. */
async function mainText(): Promise<string> {
  // innerText, not textContent: what is rendered and shown, as the seller reads it.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
  const shown = await page.locator('main').innerText();
  return shown.replace(/“[^”]*”/g, '“…”');
}

// Words that only English uses, a code's shape (ml.item.status…, payment_received) and API paths.
const english =
  /\b(the|must|required|not found|failed|refused|cannot|should|please|listing|connection|reconnect|is not|already|invalid|error:)\b/i;
const rawCode = /\b[a-z]+(?:\.[a-z_]+){2,}\b|\b[a-z]+_[a-z_]+\b/;
const apiPath = /\b(GET|POST|PUT|PATCH|DELETE)\s+\/|\/(queues|products|connections|sync|oauth|listings)\//;

/** Fails when English, a raw code or an API path reaches this Portuguese screen. */
async function assertPortuguese(where: string): Promise<void> {
  const text = await mainText();
  for (const [what, pattern] of [
    ['English', english],
    ['a raw code', rawCode],
    ['an API path', apiPath],
  ] as const) {
    const found = pattern.exec(text);
    assert.equal(found, null, `${where}: ${what} on a pt-BR screen: "${found?.[0]}" in\n${text}`);
  }
}

// Letters, not \b: JavaScript's \b treats accented letters as word breaks ("Térmica").
const portugueseWords =
  /(?<!\p{L})(não|é|obrigatório|deve|confira|integração|anúncio|pedido|recusou)(?!\p{L})/iu;
async function assertEnglish(where: string): Promise<void> {
  const text = await mainText();
  const found = portugueseWords.exec(text);
  assert.equal(found, null, `${where}: Portuguese "${found?.[0]}" on an English screen:\n${text}`);
  const code = rawCode.exec(text);
  assert.equal(code, null, `${where}: a raw code "${code?.[0]}" in\n${text}`);
}

async function go(label: string | RegExp): Promise<void> {
  const menu = page.getByRole('button', { name: /^Menu$/ });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation').getByRole('link', { name: label }).click();
}

before(async () => {
  world = await startBrowserWorld({ seed: 11, sellerName: 'Loja da Bia', viewport: DESKTOP });
  ({ sim, t, seller, page, base } = world);
});

after(() => world?.close());

describe('a Brazilian seller, in Portuguese', () => {
  it('mends a connection created with a wrong secret, by editing it', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('E-mail').fill(seller.email);
    await page.getByLabel('Senha').fill('secret-password');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Painel' }).waitFor();
    await go('Integrações');
    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Conectar um marketplace' }),
    });
    await form.getByLabel('Endereço da API').fill('ftp://simulador');
    await form.getByLabel('Client ID do aplicativo').fill(ML_CLIENT.id);
    await form.getByLabel('Client secret do aplicativo').fill('segredo-errado');
    await form.getByLabel('Categoria padrão').fill('MLB1055');
    await form.getByRole('button', { name: 'Conectar e autorizar' }).click();
    await form.getByText('Deve começar com http:// ou https://.').waitFor();
    await form.getByText('Confira o campo indicado abaixo.').waitFor();
    await assertPortuguese('connect form, wrong address');
    await shot('20-integracoes-erro-campo');

    await form.getByLabel('Endereço da API').fill(sim.baseUrl('mercadolivre'));
    await form.getByRole('button', { name: 'Conectar e autorizar' }).click();
    await page.getByText(/O marketplace recusou a autorização/).waitFor();
    const card = page.locator('li.card', { hasText: 'Mercado Livre' }).first();
    await card.locator('.badge', { hasText: 'Autorização falhou' }).waitFor();
    await assertPortuguese('Integrações after a refused authorisation');
    await shot('21-integracoes-segredo-errado');

    await card.getByRole('button', { name: 'Editar' }).click();
    await card.getByLabel('Client secret do aplicativo').fill(ML_CLIENT.secret);
    await card.getByRole('button', { name: 'Salvar' }).click();
    // New app credentials go through the simulator's consent again, which approves at once.
    await page.getByText('Mercado Livre conectado.').waitFor();
    connectionId = Number(new URL(page.url()).searchParams.get('connected'));
    const fixed = page.locator(`li[data-connection="${connectionId}"]`);
    await fixed.locator('.badge', { hasText: 'Ativa' }).waitFor();
    await fixed.getByRole('heading', { name: 'Mercado Livre', exact: true }).waitFor();
    await fixed.getByText('vendedor CAIS_SIM_SELLER').waitFor();
    await fixed.getByRole('button', { name: 'Testar conexão' }).click();
    await page.getByText('Conexão testada: o Mercado Livre respondeu. Vendedor: CAIS_SIM_SELLER.').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Painel' }).click();
    await page.getByRole('heading', { name: 'Painel' }).waitFor();
    assert.equal(
      await page.getByText('Conexão testada').count(),
      0,
      'a banner does not follow to another page',
    );
  });

  it('finds products by name or SKU ignoring accents and case, variations included', async () => {
    await erp('POST', '/products', {
      product: {
        sku: 'TERM-01',
        name: 'Garrafa Térmica Inox',
        qty: 10,
        price: 89.9,
        promotional_price: 79.9,
      },
    });
    await erp('POST', '/products', {
      product: { sku: 'CAM-01', name: 'Camiseta azul', qty: 4, price: 49.9 },
    });
    await erp('POST', '/products', {
      product: {
        sku: 'TENIS-01',
        name: 'Tênis de corrida',
        qty: 0,
        price: 299,
        variations: [
          { sku: 'TENIS-01-38', qty: 6, price: 299, specifications: [{ key: 'Tamanho', value: '38' }] },
          { sku: 'TENIS-01-40', qty: 7, price: 299, specifications: [{ key: 'Tamanho', value: '40' }] },
        ],
      },
    });
    await go('Produtos');
    const search = async (q: string) => {
      await page.getByRole('searchbox').fill(q);
      await page.getByRole('button', { name: 'Buscar' }).click();
    };
    await search('termica');
    await page.getByRole('row', { name: /TERM-01/ }).waitFor();
    const term = page.getByRole('row', { name: /TERM-01/ });
    assert.match((await term.textContent()) ?? '', /R\$\s79,90 promocional \(de R\$\s89,90\)/);
    await search('cam-01');
    await page.getByRole('row', { name: /CAM-01/ }).waitFor();
    await search('TENIS-01-40');
    const tenis = page.getByRole('row', { name: /TENIS-01/ });
    await tenis.waitFor();
    assert.match((await tenis.textContent()) ?? '', /13 \(soma das variações\)/);
    await search('nada-disso');
    await page.getByText('Nada encontrado para "nada-disso"').waitFor();
    await assertPortuguese('an empty search');
    await page.getByRole('button', { name: 'Limpar busca' }).click();
    await page.getByRole('row', { name: /CAM-01/ }).waitFor();
    await page.getByText('Selecione produtos na lista para conectar ou desconectar.').waitFor();
    await page.getByLabel('Selecionar TERM-01').check();
    await page.getByRole('button', { name: 'Conectar', exact: true }).click();
    await page.getByText('1 produto conectado.').waitFor();
    await page
      .getByRole('row', { name: /TERM-01/ })
      .getByRole('button', { name: /Mercado Livre: conectado/ })
      .waitFor();
  });

  it('checks every rule at once, next to its field', async () => {
    await go('Integrações');
    await page.locator(`li[data-connection="${connectionId}"]`).getByRole('link', { name: 'Regras' }).click();
    await page.getByLabel('Reservar unidades').fill('-1');
    await page.getByLabel('Reservar % do estoque').fill('150');
    await page.getByLabel('Acréscimo fixo (R$)').fill('1,234');
    await page.getByRole('button', { name: 'Salvar regras' }).click();
    await page.getByText('Corrija os 3 campos indicados.').waitFor();
    await page.getByText('Deve ser no mínimo 0.').waitFor();
    await page.getByText('Deve ser no máximo 100.').waitFor();
    await page.getByText('Use no máximo 2 casas decimais.').waitFor();
    await assertPortuguese('rules with three mistakes');
    await shot('22-regras-erros');
    await page.getByLabel('Reservar unidades').fill('1');
    await page.getByLabel('Reservar % do estoque').fill('');
    await page.getByLabel('Acréscimo fixo (R$)').fill('');
    await page.getByRole('button', { name: 'Salvar regras' }).click();
    await page.getByText(/Regras salvas/).waitFor();
  });

  it('explains the stock with the units reserved for orders and the margin', async () => {
    await go(/Sincronizar/);
    const form = page.locator('#schedule-form');
    await form.getByRole('checkbox', { name: 'Estoque' }).uncheck();
    await form.getByText('Escolha o que sincronizar (estoque, preço, pedidos ou catálogo).').waitFor();
    assert.ok(await form.getByRole('button', { name: 'Agendar Sincronização' }).isDisabled());
    await form.getByRole('checkbox', { name: 'Estoque' }).check();
    await form.getByRole('checkbox', { name: 'Pedidos' }).check();
    await form.getByLabel('Frequência').selectOption('1m');
    await form.getByRole('button', { name: 'Agendar Sincronização' }).click();
    await page.getByText('Sincronização agendada.', { exact: false }).waitFor();
    const item = await until('TERM-01 at the simulator', () => simulated('TERM-01'));
    await control('POST', '/mercadolivre/orders', { items: [{ item_id: item.id, quantity: 2 }] });
    // Import is every minute from the schedule; run it now as the seller would.
    await page.getByRole('button', { name: 'Executar agora' }).click();
    await until('the order imported', async () => {
      const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
      return rows[0]!.n > 0;
    });
    await go('Produtos');
    await page.getByRole('link', { name: 'TERM-01' }).click();
    await page
      .getByText('10 no ERP − 2 reservados para pedidos − 1 de margem = 7 para o marketplace.')
      .first()
      .waitFor();
    await page.getByText('Preço promocional').waitFor();
    await assertPortuguese('the product page');
  });

  it('shows a closed listing red with the reason until it is published again', async () => {
    const item = (await simulated('TERM-01'))!;
    await control('PATCH', `/mercadolivre/listings/${item.id}`, { status: 'closed' });
    await erp('PUT', '/products/TERM-01', { product: { qty: 12 } });
    await page.getByRole('button', { name: 'Sincronizar agora' }).click();
    await page.locator('.outcomes').waitFor();
    const article = page.locator(`article[data-connection="${connectionId}"]`);
    const red = article.getByText(
      /Com erro: o marketplace recusa este anúncio\. Mensagem do Mercado Livre: “/,
    );
    // A scheduled run in flight makes the manual sync stand aside ("queued"): the run sends the
    // value instead, and the page shows the refusal once it is read again.
    await until('the listing to show red with the reason', async () => {
      if ((await red.count()) > 0) return true;
      await page.reload();
      await red.waitFor({ timeout: 2_000 }).catch(() => undefined);
      return (await red.count()) > 0;
    });
    await article
      .getByText(/Use "Publicar de novo"/)
      .first()
      .waitFor();
    assert.equal(
      await article.getByText(/estoque e preço fluem/).count(),
      0,
      'never "flowing" above a refusal',
    );
    await assertPortuguese('a red listing');
    await shot('23-produto-anuncio-encerrado');

    await go('Painel');
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Mercado Livre' }) });
    await card.getByText(/com erro: 1/).waitFor();
    await card
      .getByText(/1 recusado pelo marketplace/)
      .first()
      .waitFor();
    await assertPortuguese('the Painel with a refusal');
    await go('Erros de sincronização');
    const group = page.locator('.error-group', { hasText: 'Estoque não sincronizado' });
    await group.getByRole('heading', { name: 'Estoque não sincronizado · Mercado Livre' }).waitFor();
    await group.getByText(/encerrado no Mercado Livre/).waitFor();
    await assertPortuguese('Erros de sincronização');
    await shot('24-erros');

    await group.getByRole('link', { name: 'TERM-01' }).click();
    await page.getByRole('button', { name: 'Publicar de novo no Mercado Livre' }).click();
    await page
      .getByText('Publicado de novo no Mercado Livre: um anúncio novo substitui o encerrado.')
      .waitFor();
    await page.locator(`article[data-connection="${connectionId}"] .flag-green`).waitFor();
    const renewed = await until('a new listing at the simulator', async () => {
      const now = await simulated('TERM-01');
      return now && now.id !== item.id && now;
    });
    assert.equal(renewed.status, 'active');
  });

  it('lists what failed in a run that failed', async () => {
    await control('PUT', '/mercadolivre/faults/items.update', { error_rate: 1, error_status: 503 });
    await erp('PUT', '/products/TERM-01', { product: { qty: 15 } });
    await go(/Sincronizar/);
    await page.getByRole('button', { name: 'Executar agora' }).first().click();
    const failed = await until('a run with failures', async () => {
      const rows = await t.db.query<{ id: number }>(
        `SELECT id FROM sync_runs WHERE resource = 'stock' AND (failed > 0 OR status = 'failed') AND status <> 'running'
          ORDER BY id DESC LIMIT 1`,
      );
      return rows[0]?.id;
    });
    await control('DELETE', '/mercadolivre/faults/items.update');
    await page.goto(`${base}/sincronizacoes/execucoes/${failed}`);
    await page.getByRole('heading', { name: `Execução #${failed}` }).waitFor();
    await page.locator('.run-failures').getByRole('link', { name: 'TERM-01' }).waitFor();
    assert.equal(await page.getByText('Nada falhou nesta execução.').count(), 0);
    await assertPortuguese('a failed run');
    await shot('25-execucao-falhou');
  });

  it('disables and deletes a connection, saying what happens, and the column goes', async () => {
    const extra = await erp('POST', '/connections', {
      connection: {
        channel: 'mercadolivre',
        name: 'ML de testes',
        base_url: sim.baseUrl('mercadolivre'),
        client_id: ML_CLIENT.id,
        client_secret: ML_CLIENT.secret,
      },
    });
    await go('Integrações');
    const card = page.locator(`li[data-connection="${extra.connection.id}"]`);
    await card.getByRole('button', { name: 'Desativar' }).click();
    await card.locator('.badge', { hasText: 'Desativada' }).waitFor();
    await go('Produtos');
    await page.getByRole('row', { name: /CAM-01/ }).waitFor();
    assert.equal(await page.getByRole('columnheader', { name: 'ML de testes' }).count(), 0);
    await go('Integrações');
    await card.getByRole('button', { name: 'Excluir' }).click();
    await card.getByText(/Excluir ML de testes\? Os anúncios deixam de ser sincronizados/).waitFor();
    await assertPortuguese('the delete confirmation');
    await shot('26-integracoes-excluir');
    await card.getByRole('button', { name: 'Sim, excluir' }).click();
    await page.getByText('ML de testes excluída.').waitFor();
    // The notice comes with the answer; the list is read again right after it.
    await page.locator(`li[data-connection="${extra.connection.id}"]`).waitFor({ state: 'detached' });
  });

  it('asks in the page before cancelling a schedule, and shows orders in words', async () => {
    await go(/Sincronizar/);
    const schedule = page.locator('[data-schedule]').first();
    await schedule.getByRole('button', { name: 'Cancelar' }).click();
    await schedule.getByText(/Cancelar o agendamento #\d+\?/).waitFor();
    await schedule.getByRole('button', { name: 'Não, voltar' }).click();
    await schedule.getByRole('button', { name: 'Executar agora' }).waitFor();
    await go('Pedidos');
    await page.getByText(/pedidos? aguardando o ERP na fila de pedidos/).waitFor();
    await page.getByRole('row').nth(1).getByRole('link').click();
    await page.getByText('Histórico de situação').waitFor();
    await page
      .getByText(/informado pelo marketplace/)
      .first()
      .waitFor();
    await assertPortuguese('an order');
  });

  it('sees an order sold with a SKU the catalog lacks, in words, and ignores the error', async () => {
    const stranger = await control('POST', '/mercadolivre/listings', {
      sku: 'FORA-DO-CATALOGO',
      price: 25,
      available_quantity: 3,
    });
    await control('POST', '/mercadolivre/orders', {
      items: [{ item_id: stranger.body?.id ?? stranger.id, quantity: 1 }],
    });
    const [schedule] = (await erp('GET', '/sync/schedules')).schedules;
    await erp('POST', `/sync/schedules/${schedule.id}/run`);
    await until('the order sync error', async () => {
      const rows = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM order_sync_errors WHERE status = 'open'",
      );
      return rows[0]!.n > 0;
    });
    await go('Erros de sincronização');
    const orders = page.locator('section', { has: page.getByRole('heading', { name: 'Pedidos' }) });
    await orders.getByText('Pedido importado com problema').waitFor();
    await orders.getByText(/Cadastre o produto com esse SKU/).waitFor();
    await orders.getByText('O pedido tem um SKU que não está no catálogo (veja quais no pedido).').waitFor();
    assert.equal(
      await orders.getByRole('button', { name: 'Tentar de novo' }).count(),
      0,
      'an import error is fixed in the catalog, not retried',
    );
    await assertPortuguese('order sync errors');
    await shot('27-erros-pedidos');
    await orders.getByRole('button', { name: 'Ignorar' }).click();
    await page.getByText('1 erro ignorado.').waitFor();
    await orders.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Ignorados' }).click();
    await page.getByRole('heading', { name: 'Pedidos' }).waitFor();
    await page.getByRole('row').nth(1).getByRole('link').click();
    await page
      .getByText(/FORA-DO-CATALOGO/)
      .first()
      .waitFor();
  });

  it('keeps the key columns of Produtos on a 390 px phone', async () => {
    await page.setViewportSize(PHONE);
    await go('Produtos');
    const row = page.getByRole('row', { name: /TERM-01/ });
    for (const part of [row.getByRole('button', { name: /Mercado Livre:/ }), row.getByText(/R\$\s79,90/)]) {
      const box = await part.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, 'visible without scrolling sideways');
    }
    await page.setViewportSize(DESKTOP);
  });

  it('keeps a screenshot of every page at desktop and phone width', async () => {
    const productPath = '/produtos/TERM-01';
    const order = (await t.db.query<{ code: string }>('SELECT code FROM orders LIMIT 1'))[0]!.code;
    const pages = [
      ['painel', '/painel'],
      ['sincronizar', '/sincronizacoes'],
      ['produtos', '/produtos'],
      ['produto', productPath],
      ['pedidos', '/pedidos'],
      ['pedido', `/pedidos/${encodeURIComponent(order)}`],
      ['erros', '/erros'],
      ['integracoes', '/integracoes'],
      ['regras', `/integracoes/${connectionId}`],
      ['configuracoes', '/configuracoes'],
    ];
    for (const [name, path] of pages) {
      for (const [width, size] of [
        ['desktop', DESKTOP],
        ['celular', PHONE],
      ] as const) {
        await page.setViewportSize(size);
        await page.goto(`${base}${path}`);
        await page.locator('main h1').waitFor();
        await page
          .getByText('Carregando…')
          .first()
          .waitFor({ state: 'detached' })
          .catch(() => {});
        await shot(`pagina-${name}-${width}`);
      }
    }
    await page.setViewportSize(DESKTOP);
  });
});

describe('the same seller, in English', () => {
  it('reads the same error paths in English', async () => {
    await page.goto(`${base}/integracoes`);
    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Connect a marketplace' }) });
    await form.getByLabel('API address').fill('ftp://simulator');
    await form.getByLabel('App client ID').fill(ML_CLIENT.id);
    await form.getByLabel('App client secret').fill('x');
    await form.getByRole('button', { name: 'Connect and authorise' }).click();
    await form.getByText('Must start with http:// or https://.').waitFor();
    await assertEnglish('connect form, wrong address');
    await page.locator(`li[data-connection="${connectionId}"]`).getByRole('link', { name: 'Rules' }).click();
    await page.getByLabel('Hold back units').fill('-2');
    await page.getByLabel('Promotion: discount (%)').fill('95');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Fix the 2 fields marked.').waitFor();
    await page.getByText('Must be at least 0.').waitFor();
    await page.getByText('Must be at most 90.').waitFor();
    await assertEnglish('rules with two mistakes');
    await shot('27-rules-errors-en');
    await page.getByLabel('Language').selectOption('pt-BR');
    assert.equal(
      await page.getByText('Fix the 2 fields marked.').count(),
      0,
      'no English banner after switching',
    );
    await page.getByRole('navigation').getByRole('link', { name: 'Produtos' }).click();
    await page.getByRole('link', { name: 'TERM-01' }).click();
    await page.getByLabel('Idioma').selectOption('en');
    await page
      .getByText(/\d+ in the ERP − 2 reserved for orders − 1 of margin = \d+ for the marketplace/)
      .first()
      .waitFor();
    await assertEnglish('the product page');
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('section.card').first().waitFor();
    await assertEnglish('the dashboard');
    await page.getByRole('navigation').getByRole('link', { name: 'Sync errors' }).click();
    await page.getByRole('heading', { name: 'Sync errors' }).waitFor();
    await page.getByRole('button', { name: 'Resolved' }).click();
    await page.locator('.error-group').first().waitFor();
    await assertEnglish('the resolved sync errors');
    await shot('28-sync-errors-en');
    await page.getByLabel('Language').selectOption('pt-BR');
  });
});
