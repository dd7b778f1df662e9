/**
 * The console in a real browser (Debian's Chromium driven by playwright-core), against a Cais
 * server with its worker and the marketplace simulator, as a seller would use it: log in, connect
 * simulated Mercado Livre through its consent page, connect a product, schedule stock every
 * minute, watch a change reach the marketplace, sync by hand, see and retry a sync error, switch
 * language. Screenshots of the main pages go to test-output/console/.
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

let world: BrowserWorld;
let sim: BrowserWorld['sim'];
let seller: BrowserWorld['seller'];
let page: Page;
let base: string;
const erp = (method: string, path: string, body?: unknown) => world.erp(method, path, body);
const control = (method: string, path: string, body?: unknown) => world.control(method, path, body);
const shot = (name: string) => world.shot(name);

before(async () => {
  world = await startBrowserWorld({
    seed: 7,
    sellerName: 'Loja da Ana',
    timeoutMs: 10_000,
    onDialog: 'accept',
  });
  ({ sim, seller, page, base } = world);
});

after(() => world?.close());

async function simulatedStock(sku: string): Promise<number | undefined> {
  return (await simulatedListings(world, sku))[0]?.stock;
}

describe('the console in a browser', () => {
  let connectionId: number;

  it('logs in, in Portuguese, after refusing a wrong password', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Entrar' }).waitFor();
    await page.getByLabel('E-mail').fill(seller.email);
    await page.getByLabel('Senha').fill('wrong-password');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('E-mail ou senha incorretos.').waitFor();
    await shot('01-entrar');
    await page.getByLabel('Senha').fill('secret-password');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Painel' }).waitFor();
    await page.getByText('Nenhuma integração ainda').waitFor();
    assert.equal(new URL(page.url()).pathname, '/painel');
    await shot('02-painel-vazio');
  });

  it('connects simulated Mercado Livre through its consent page', async () => {
    await page.getByRole('link', { name: 'Integrações' }).click();
    await page.getByRole('heading', { name: 'Conectar um marketplace' }).waitFor();
    await page.getByRole('combobox', { name: /^Marketplace/ }).selectOption('mercadolivre');
    await page.getByLabel('Nome da integração').fill('Mercado Livre');
    await page.getByLabel('Endereço da API').fill(sim.baseUrl('mercadolivre'));
    await page.getByLabel('Client ID do aplicativo').fill(ML_CLIENT.id);
    await page.getByLabel('Client secret do aplicativo').fill(ML_CLIENT.secret);
    await page.getByLabel('Categoria padrão').fill('MLB1055');
    await page.getByRole('button', { name: 'Conectar e autorizar' }).click();
    // The simulator's consent approves at once and sends the browser back through /oauth/callback.
    await page.getByText('Mercado Livre conectado.').waitFor();
    await page.locator('.card .badge', { hasText: 'Ativa' }).waitFor();
    connectionId = Number(new URL(page.url()).searchParams.get('connected'));
    assert.ok(connectionId > 0);
    await shot('03-integracoes');
  });

  it('connects a product from the list: its flag turns green', async () => {
    await erp('POST', '/products', {
      product: { sku: 'CAM-01', name: 'Camiseta azul', qty: 5, price: 1234.56 },
    });
    await erp('POST', '/products', {
      product: { sku: 'CAM-02', name: 'Camiseta verde', qty: 2, price: 49.9 },
    });
    await page.getByRole('link', { name: 'Produtos' }).click();
    const row = page.getByRole('row', { name: /CAM-01/ });
    await row.getByRole('button', { name: /Mercado Livre: não conectado/ }).waitFor();
    assert.match((await row.textContent()) ?? '', /R\$\s1\.234,56/, 'money in pt-BR');
    await page.getByLabel('Selecionar CAM-01').check();
    await page.getByRole('button', { name: 'Conectar', exact: true }).click();
    await page.getByText('1 produto conectado.').waitFor();
    await row.getByRole('button', { name: /Mercado Livre: conectado/ }).waitFor();
    await shot('04-produtos');
  });

  it('schedules stock every minute, and a stock change over the API reaches the marketplace', async () => {
    await erp('PUT', '/products/CAM-01', { product: { qty: 7 } });
    await page.getByRole('link', { name: /Sincronizar/ }).click();
    await page.getByText('Nenhuma sincronização agendada').waitFor();
    await page.getByLabel('Frequência').selectOption('1m');
    await page.getByRole('checkbox', { name: 'Estoque' }).check();
    await page.getByRole('checkbox', { name: 'Preço' }).check();
    await page.getByRole('button', { name: 'Agendar Sincronização' }).click();
    await page.getByText('Sincronização agendada.', { exact: false }).waitFor();
    await page.locator('[data-schedule] h3', { hasText: 'Estoque, Preço · A cada 1 minuto' }).waitFor();
    await until('stock 7 at the simulator', async () => (await simulatedStock('CAM-01')) === 7);
    await page.getByRole('button', { name: 'Execuções recentes' }).click();
    await page.locator('[data-schedule] .badge', { hasText: 'Concluída' }).first().waitFor();
    await shot('05-sincronizar');
  });

  it('syncs one product by hand from its page and shows the outcome', async () => {
    await erp('PUT', '/products/CAM-01', { product: { qty: 9 } });
    await page.getByRole('link', { name: 'Produtos' }).click();
    await page.getByRole('link', { name: 'CAM-01' }).click();
    await page
      .getByText(/Pendente: será enviado na próxima execução/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Sincronizar agora' }).click();
    await page.getByText('Sincronizado: o estoque e o preço atuais foram enviados.').waitFor();
    assert.equal(await simulatedStock('CAM-01'), 9);
    await page.getByText('Em dia: o Mercado Livre tem o valor mais recente.').first().waitFor();
    await shot('06-produto');
  });

  it('shows a sync error caused by the marketplace, and retries it', async () => {
    await control('PUT', '/mercadolivre/faults/items.update', { error_rate: 1, error_status: 503 });
    await erp('PUT', '/products/CAM-01', { product: { qty: 11 } });
    await page.getByRole('button', { name: 'Sincronizar agora' }).click();
    await page.getByText(/envios falharam/).waitFor();
    await page.getByRole('link', { name: 'Erros de sincronização' }).click();
    const group = page.locator('.error-group').first();
    await group.waitFor();
    await group.getByRole('link', { name: 'CAM-01' }).waitFor();
    await shot('07-erros');
    await control('DELETE', '/mercadolivre/faults/items.update');
    // Retry both groups (stock and price were both refused), then run the schedule now.
    for (const retry of await page.getByRole('button', { name: 'Tentar todos de novo' }).all()) {
      await retry.click();
      await page.getByText(/voltou para a fila/).waitFor();
    }
    await page.getByRole('link', { name: /Sincronizar/ }).click();
    await page.getByRole('button', { name: 'Executar agora' }).click();
    await until('stock 11 at the simulator', async () => (await simulatedStock('CAM-01')) === 11);
    await page.getByRole('link', { name: 'Erros de sincronização' }).click();
    await until('the errors resolved', async () => {
      await page.getByRole('button', { name: 'Abertos' }).click();
      return (await page.getByText('Tudo certo: nenhum erro aberto').count()) > 0;
    });
  });

  it('lists orders and shows when the ERP has taken one from the queue', async () => {
    const order = await erp('POST', '/orders', {
      order: { items: [{ id: 'CAM-02', qty: 1, original_price: 49.9 }], customer: { name: 'Maria Souza' } },
    });
    await page.getByRole('link', { name: 'Pedidos' }).click();
    const row = page.getByRole('row', { name: new RegExp(order.code) });
    await row.getByText('Aguardando o ERP').waitFor();
    await page.getByText(/1 pedido aguardando o ERP/).waitFor();
    await shot('08-pedidos');
    const queued = await erp('GET', '/queues/orders');
    assert.equal(queued.code, order.code);
    await erp('DELETE', `/queues/orders/${encodeURIComponent(order.code)}`);
    await row.getByRole('link').click();
    await page.getByText('Consumido pelo ERP').first().waitFor();
    await page.getByText('Maria Souza').waitFor();
    await shot('09-pedido');
  });

  it('shows the dashboard, and switches to English', async () => {
    await page.getByRole('link', { name: 'Painel' }).click();
    await page.getByRole('heading', { name: 'Mercado Livre' }).waitFor();
    await page.getByText('Em dia').first().waitFor();
    await shot('10-painel');
    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByRole('link', { name: 'Products' }).click();
    const row = page.getByRole('row', { name: /CAM-01/ });
    await row.getByRole('button', { name: /Mercado Livre: connected/ }).waitFor();
    assert.match((await row.textContent()) ?? '', /R\$\s?1,234\.56/, 'money in en-US');
    await shot('11-products-en');
    await page.reload();
    await page.getByRole('heading', { name: 'Products' }).waitFor();
    await page.getByLabel('Language').selectOption('pt-BR');
    await page.getByRole('heading', { name: 'Produtos' }).waitFor();
  });

  it('fits a phone screen, with the menu behind a button', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Painel' }).click();
    await page.getByRole('heading', { name: 'Painel' }).waitFor();
    await shot('12-painel-celular');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Configurações' }).click();
    await page.getByLabel('Nome da chave').fill('ERP da loja');
    await page.getByRole('button', { name: 'Criar chave' }).click();
    const key = await page.getByTestId('new-key').textContent();
    assert.match(key ?? '', /^cais_/);
    await shot('13-configuracoes-celular');
  });
});
