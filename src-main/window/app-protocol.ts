/** Serves the built renderer under app://synthese/, never from file:// or the network. */
import { readFileSync } from 'node:fs';
import { protocol } from 'electron';
import { RENDERER_HEADERS, rendererFile } from '../transport/static-files.ts';
import { APP_SCHEME } from './web-preferences.ts';

/** Must run before the app is ready. */
export function declareAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFile(rendererDir, new URL(request.url).pathname, false);
    if (!file) return new Response('Introuvable', { status: 404 });
    return new Response(readFileSync(file.path), { headers: { 'Content-Type': file.type, ...RENDERER_HEADERS } });
  });
}
