/**
 * The loopback bridge for browser end-to-end tests: serves the built renderer over
 * http://127.0.0.1:<port> and gives the page a `window.hearken` that talks to a real core
 * through fetch (invoke) and Server-Sent Events (events). Same origin only, so the page's
 * CSP (`script-src 'self'`, `connect-src 'self'`) holds without any relaxation.
 *
 * The page is opened at `url + '#token=' + token`; bridge.js takes the token from the
 * hash and strips it before the app's own scripts run. The token never appears in a
 * served file.
 *
 * The page is treated as the app treats its window: it only invokes channels, always as
 * the agent (a `meta` in the body is ignored), and it cannot mint file grants. The one
 * stand-in for the host is drops (see `drops`), limited to the test's drop folder.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { Core } from '../../src/main/core/types';
import type { FileGrant } from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import { contentSecurityPolicy } from '../../src/main/electron/policy';

export interface BridgeOptions {
  /** The page's view of the core: invoke and events only, so no grant can be minted through it. */
  core: Core;
  /** The built renderer, e.g. `out/renderer`. */
  rendererDir: string;
  /**
   * The stand-in for Electron's drop route (preload webUtils.getPathForFile, then main
   * asking the core for read grants): a File named `x.csv` dropped in the page is the
   * file `<dir>/x.csv`, if that is a regular file directly in `dir`, and `grant` (the
   * host's side, e.g. grantDroppedPaths over the test's core) mints its grant. Nothing
   * outside `dir` can be named. Without it the page has no `grantDroppedFiles`, as a
   * plain browser would not.
   */
  drops?: { dir: string; grant(paths: string[]): Promise<Result<FileGrant[]>> };
}

export interface Bridge {
  /** `http://127.0.0.1:<port>/` (with the trailing slash). */
  url: string;
  token: string;
  /** Ends every event stream, stops listening and drops open connections. */
  close(): Promise<void>;
}

const BRIDGE_PATH = '/__hearken/bridge.js';
const INVOKE_PATH = '/__hearken/invoke';
const EVENTS_PATH = '/__hearken/events';
const DROP_PATH = '/__hearken/drop';
const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/**
 * The page side of the bridge. Plain ES2017 so it runs before any bundle, and free of
 * secrets: the token comes from the page's own URL hash.
 */
function bridgeJs(drops: boolean): string {
  const grantDroppedFiles = drops
    ? `
  bridge.grantDroppedFiles = function (files) {
    var names = Array.prototype.map.call(files, function (file) { return file.name; });
    return post(${JSON.stringify(DROP_PATH)}, { names: names });
  };`
    : '';
  return BRIDGE_JS.replace('/*DROPS*/', grantDroppedFiles);
}

const BRIDGE_JS = `/* Hearken loopback test bridge: window.hearken over fetch + EventSource. */
(function () {
  'use strict';
  var STORAGE_KEY = 'hearken.bridgeToken';
  var token = null;
  var hash = location.hash.replace(/^#/, '');
  if (hash) {
    var kept = [];
    hash.split('&').forEach(function (part) {
      if (part.indexOf('token=') === 0) token = decodeURIComponent(part.slice(6));
      else if (part) kept.push(part);
    });
    if (token !== null) {
      var rest = kept.join('&');
      history.replaceState(history.state, '', location.pathname + location.search + (rest ? '#' + rest : ''));
    }
  }
  try {
    if (token) sessionStorage.setItem(STORAGE_KEY, token);
    else token = sessionStorage.getItem(STORAGE_KEY);
  } catch (e) { /* storage may be unavailable; the hash is enough */ }

  function failure(message) {
    return { ok: false, error: { code: 'INTERNAL', message: message } };
  }

  function post(path, body) {
    if (!token) return Promise.resolve(failure('The test bridge has no token: open the page at url#token=...'));
    return fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hearken-token': token },
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    }).then(function (res) {
      var type = res.headers.get('content-type') || '';
      if (type.indexOf('application/json') === 0) {
        return res.json().then(function (body) {
          if (body && typeof body === 'object' && typeof body.ok === 'boolean') return body;
          return failure('The test bridge answered ' + res.status + ' without a result.');
        });
      }
      return failure('The test bridge answered ' + res.status + ' ' + res.statusText + '.');
    }, function (err) {
      return failure('The test bridge could not be reached: ' + (err && err.message ? err.message : String(err)));
    });
  }

  function invoke(channel, input) {
    return post(${JSON.stringify(INVOKE_PATH)}, { channel: channel, input: input === undefined ? {} : input });
  }

  var listeners = new Set();
  var source = null;

  function dispatch(message) {
    var event;
    try { event = JSON.parse(message.data); } catch (e) { return; }
    if (!event || typeof event.name !== 'string') return;
    listeners.forEach(function (listener) {
      try { listener(event.name, event.payload); } catch (err) { setTimeout(function () { throw err; }); }
    });
  }

  function on(listener) {
    if (typeof listener !== 'function') throw new TypeError('hearken.on needs a function');
    listeners.add(listener);
    if (!source && token) {
      source = new EventSource(${JSON.stringify(EVENTS_PATH)} + '?token=' + encodeURIComponent(token));
      source.onmessage = dispatch;
    }
    var active = true;
    return function unsubscribe() {
      if (!active) return;
      active = false;
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  }

  var bridge = { invoke: invoke, on: on };/*DROPS*/
  Object.freeze(bridge);
  Object.defineProperty(window, 'hearken', { value: bridge, enumerable: true, configurable: false, writable: false });
  window.addEventListener('pagehide', function () {
    if (source) { source.close(); source = null; }
  });
})();
`;

function tokensEqual(given: string | undefined | null, expected: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const buf = Buffer.from(given, 'utf8');
  return buf.length === expected.length && timingSafeEqual(buf, expected);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head = false): void {
  const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(data.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(head ? undefined : data);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'text/plain; charset=utf-8', text + '\n');
}

function sendResult(res: ServerResponse, status: number, result: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

function bridgeFailure(message: string): { ok: false; error: { code: 'INTERNAL' | 'VALIDATION'; message: string } } {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

/** Puts the bridge script first in <head>, ahead of the app's module script. */
export function injectBridgeScript(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('index.html has no <head> element to put the test bridge in');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    <script src="${BRIDGE_PATH}"></script>${html.slice(at)}`;
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooBig = true;
        chunks.length = 0;
        return;
      }
      if (!tooBig) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const { core } = opts;
  const root = realpathSync(resolve(opts.rendererDir));
  if (!statSync(root).isDirectory()) throw new Error(`rendererDir is not a folder: ${root}`);

  const token = randomBytes(32).toString('base64url');
  const script = bridgeJs(opts.drops !== undefined);
  const dropDir = opts.drops ? realpathSync(resolve(opts.drops.dir)) : null;
  const tokenBuf = Buffer.from(token, 'utf8');
  const streams = new Set<ServerResponse>();
  let port = 0;
  let closed = false;

  /** Maps a URL path to a file inside root, or null when it would leave root. */
  function resolveStatic(pathname: string): string | null {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (rel.includes('\0') || rel.includes('\\')) return null;
    if (rel === '/' || rel === '') rel = '/index.html';
    const full = resolve(root, '.' + rel);
    if (full !== root && !full.startsWith(root + sep)) return null;
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      return full; // missing: the caller answers 404
    }
    if (real !== root && !real.startsWith(root + sep)) return null;
    return real;
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed');
      return;
    }
    let file = resolveStatic(pathname);
    if (file === null) {
      sendText(res, 403, 'Forbidden');
      return;
    }
    let isFile = false;
    try {
      const st = statSync(file);
      if (st.isDirectory()) {
        file = resolve(file, 'index.html');
        isFile = statSync(file).isFile();
      } else {
        isFile = st.isFile();
      }
    } catch {
      isFile = false;
    }
    if (!isFile) {
      // A client-side route (no extension) gets the app; a missing asset is a 404.
      const accept = req.headers.accept ?? '';
      if (extname(pathname) === '' && accept.includes('text/html')) {
        file = resolve(root, 'index.html');
      } else {
        sendText(res, 404, 'Not found');
        return;
      }
    }
    const ext = extname(file).toLowerCase();
    const type = contentTypes[ext] ?? 'application/octet-stream';
    const data = await readFile(file);
    if (ext === '.html') {
      // The same CSP header the Electron protocol handler sends, on top of the page's meta tag.
      res.setHeader('content-security-policy', contentSecurityPolicy);
      const html = file === resolve(root, 'index.html') ? injectBridgeScript(data.toString('utf8')) : data;
      send(res, 200, type, html, head);
      return;
    }
    send(res, 200, type, data, head);
  }

  /** A POST with the token and a JSON body, parsed; undefined once it has answered a refusal. */
  async function readJsonPost(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendResult(res, 405, bridgeFailure('The bridge only accepts POST here.'));
      return undefined;
    }
    if (!tokensEqual(req.headers['x-hearken-token'] as string | undefined, tokenBuf)) {
      sendResult(res, 403, bridgeFailure('The bridge token is missing or wrong.'));
      return undefined;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      sendResult(res, 415, bridgeFailure('The bridge only accepts application/json.'));
      return undefined;
    }
    const body = await readBody(req);
    if (body === null) {
      sendResult(res, 413, bridgeFailure('The request body is too large.'));
      return undefined;
    }
    try {
      return JSON.parse(body.toString('utf8')) as unknown;
    } catch {
      sendResult(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not JSON.' } });
      return undefined;
    }
  }

  /**
   * The drop stand-in: a name is a file directly in the drop folder or nothing. No
   * separators, no "..", no symlink out: the page can name only what the test put there.
   */
  function droppedPath(name: unknown): string | null {
    if (dropDir === null || typeof name !== 'string' || name === '' || name === '.' || name === '..' || /[\\/\0]/.test(name)) return null;
    const full = join(dropDir, name);
    try {
      if (!lstatSync(full).isFile()) return null;
    } catch {
      return null;
    }
    return full;
  }

  async function handleDrop(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = await readJsonPost(req, res);
    if (parsed === undefined) return;
    const names = (parsed as { names?: unknown } | null)?.names;
    if (!opts.drops || !Array.isArray(names)) {
      sendResult(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'A drop is a list of file names.' } });
      return;
    }
    // Like webUtils for a File with no path on disk: a name that is not in the folder is left out.
    const paths = names.map(droppedPath).filter((p): p is string => p !== null);
    sendResult(res, 200, paths.length === 0 ? { ok: true, value: [] } : await opts.drops.grant(paths));
  }

  async function handleInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = await readJsonPost(req, res);
    if (parsed === undefined) return;
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { channel?: unknown }).channel !== 'string') {
      sendResult(res, 400, {
        ok: false,
        error: { code: 'VALIDATION', message: 'The request body needs a string "channel".' },
      });
      return;
    }
    // Only channel and input: a page cannot choose its actor (call meta), as in the app.
    const { channel, input } = parsed as { channel: string; input?: unknown };
    let result: unknown;
    try {
      result = await core.invoke(channel, input === undefined ? {} : input);
    } catch (err) {
      // The core promises never to throw; if it does, the test should see it clearly.
      result = bridgeFailure(`The core threw on ${channel}: ${err instanceof Error ? err.message : String(err)}`);
    }
    sendResult(res, 200, result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      sendText(res, 405, 'Method not allowed');
      return;
    }
    if (!tokensEqual(query.get('token'), tokenBuf)) {
      sendText(res, 403, 'Forbidden');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 1000\n: connected\n\n');
    streams.add(res);
    const unsubscribe = core.onEvent((name, payload) => {
      if (!res.writableEnded) res.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
    });
    const heartbeat = setInterval(() => {
      if (!res.writableEnded) res.write(': ping\n\n');
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const done = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', done);
    res.on('close', done);
  }

  const server = createServer((req, res) => {
    void (async () => {
      // DNS-rebinding guard: only our own loopback authority is acceptable.
      if (req.headers.host !== `127.0.0.1:${port}`) {
        sendText(res, 403, 'Forbidden host');
        return;
      }
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://127.0.0.1:${port}`) {
        sendText(res, 403, 'Forbidden origin');
        return;
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname === INVOKE_PATH) return handleInvoke(req, res);
      if (url.pathname === EVENTS_PATH) return handleEvents(req, res, url.searchParams);
      if (url.pathname === DROP_PATH && opts.drops) return handleDrop(req, res);
      if (url.pathname === BRIDGE_PATH) {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          sendText(res, 405, 'Method not allowed');
          return;
        }
        send(res, 200, contentTypes['.js'] ?? 'text/javascript', script, req.method === 'HEAD');
        return;
      }
      if (url.pathname.startsWith('/__hearken/')) {
        sendText(res, 404, 'Not found');
        return;
      }
      return serveStatic(req, res, url.pathname);
    })().catch((err: unknown) => {
      if (!res.headersSent) sendText(res, 500, `Bridge error: ${err instanceof Error ? err.message : String(err)}`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
    },
  };
}
