/**
 * Serves the built renderer from app://hearken/ instead of file://, so the page has a
 * real origin (localStorage, fetch, CSP 'self') and can reach nothing else on disk.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { mimeTypeOf, resolveAppFile } from './app-files';
import { appSchemePrivileges, securityHeaders } from './policy';
import { appScheme } from './sender';

/** Must run before app 'ready': Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: appSchemePrivileges },
  ]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain', ...securityHeaders } });
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const file = resolveAppFile(rendererDir, request.url);
    if (file === null) return notFound();
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { 'Content-Type': mimeTypeOf(file), ...securityHeaders },
      });
    } catch {
      return notFound();
    }
  });
}
