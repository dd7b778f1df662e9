/** Vite builds the console into console/dist; the Cais server serves it (src/http/console.ts). */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's Content-Security-Policy allows no inline script: keep the preload helper in the bundle.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    // `npx vite console` during development, with the API on the usual port.
    proxy: Object.fromEntries(
      [
        '/session',
        '/dashboard',
        '/products',
        '/listings',
        '/connections',
        '/channels',
        '/sync',
        '/sync_errors',
        '/orders',
        '/account',
        '/oauth',
        '/webhooks',
        '/queues',
        '/settings',
        '/statuses',
      ].map((p) => [p, 'http://127.0.0.1:3000']),
    ),
  },
});
