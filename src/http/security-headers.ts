/**
 * Security headers on every answer. The API answers JSON that no browser should render, frame or
 * sniff into something else: a Content-Security-Policy that allows nothing. The browsable docs
 * (/docs, Swagger UI) load their own scripts and styles from Cais and style elements inline. The
 * console sets its own, stricter policy (http/console.ts), which is left as it is.
 */
import type { FastifyInstance } from 'fastify';

const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Swagger UI sets style attributes from script, hence 'unsafe-inline' for styles only; it fetches
// the document from /docs/json (connect-src 'self'); its icons are data: URLs.
const docsPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) {
      const docs = request.url === '/docs' || request.url.startsWith('/docs/');
      reply.header('content-security-policy', docs ? docsPolicy : apiPolicy);
    }
    if (!reply.hasHeader('x-content-type-options')) reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    // Browsers honour HSTS only over https; behind a TLS proxy, CAIS_PUBLIC_URL says it is https.
    if (options.https || request.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
}
