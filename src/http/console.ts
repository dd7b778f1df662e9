/**
 * Serves the console (console/dist, built by Vite at install or start): `/` and the console's own
 * pages return index.html to browsers (Accept: text/html), hashed files under `/assets/`. The pages are listed one by one, in
 * Portuguese (`/produtos`, never `/products`), so no console path can shadow an API route.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const consoleDist = fileURLToPath(new URL('../../console/dist/', import.meta.url));

/** The console's client routes (see console/src/routes.ts); each also takes sub-paths. */
export const consolePages = [
  'entrar',
  'painel',
  'sincronizacoes',
  'produtos',
  'pedidos',
  'erros',
  'integracoes',
  'configuracoes',
];

// The console loads nothing from elsewhere and runs no inline script.
const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-cache',
};

const notBuilt = `<!doctype html><meta charset="utf-8"><title>Cais</title>
<p>The console has not been built. Run <code>npm run build:console</code> (or <code>npm install</code>) and reload.</p>`;

export async function consoleRoutes(app: FastifyInstance, options: { dir?: string } = {}): Promise<void> {
  const dir = options.dir ?? consoleDist;
  const assets = `${dir}/assets`;
  if (existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      immutable: true,
      maxAge: '365d',
    });
  }

  const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    // Only a browser asking for a page gets the console; an API client gets the usual 404.
    if (!/text\/html/.test(request.headers.accept ?? '')) return reply.callNotFound();
    const html = await readFile(`${dir}/index.html`, 'utf8').catch(() => undefined);
    reply.headers(securityHeaders).type('text/html; charset=utf-8');
    return html === undefined ? reply.code(503).send(notBuilt) : reply.send(html);
  };
  const hide = { schema: { hide: true } };
  app.get('/', hide, sendIndex);
  for (const page of consolePages) {
    app.get(`/${page}`, hide, sendIndex);
    app.get(`/${page}/*`, hide, sendIndex);
  }
}
