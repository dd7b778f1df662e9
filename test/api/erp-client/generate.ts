/**
 * Generates the ERP's client from /openapi.json with swagger-typescript-api, the way an ERP
 * developer would: `npm run api:client` rewrites `cais-api.ts` from a hub started here, and
 * generated.test.ts fails when the committed client no longer matches the document.
 */
import { writeFileSync } from 'node:fs';
import { generateApi } from 'swagger-typescript-api';

export const clientFile = new URL('./cais-api.ts', import.meta.url);

/** The client's source for an OpenAPI document. */
export async function generateClient(document: unknown): Promise<string> {
  const { files } = await generateApi({
    spec: document as never,
    fileName: 'cais-api.ts',
    output: false,
    silent: true,
    httpClientType: 'fetch',
    sortTypes: true,
    sortRoutes: true,
    // A plain object, not a TypeScript enum, so Node runs the client with its type stripping.
    enumStyle: 'const',
  });
  const file = files.find((f) => f.fileName.startsWith('cais-api'));
  if (!file) throw new Error(`swagger-typescript-api wrote ${files.map((f) => f.fileName).join(', ')}`);
  return file.fileContent;
}

if (import.meta.main) {
  const { startHub } = await import('../contract/harness.ts');
  const hub = await startHub();
  try {
    const document = (await hub.request('GET', '/openapi.json')).body;
    writeFileSync(clientFile, await generateClient(document));
    console.log(`wrote ${clientFile.pathname}`);
  } finally {
    await hub.close();
  }
}
