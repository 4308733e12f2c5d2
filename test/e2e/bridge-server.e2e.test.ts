/**
 * The loopback test bridge itself, against a fake core and a tiny fake renderer: the
 * guards (host, origin, token, path traversal), the script injection, content types, and
 * window.hearken in headless Chromium under the app's real CSP.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core, CoreListener } from '../../src/main/core/types';
import type { Result } from '../../src/shared/errors';
import { injectBridgeScript, startBridge, type Bridge } from '../support/bridge-server';
import { launchBrowser, openPage, type OpenedPage } from '../support/browser';

interface FakeCore extends Core {
  calls: { channel: string; input: unknown }[];
  listeners: Set<CoreListener>;
  emit(name: Parameters<CoreListener>[0], payload: unknown): void;
}

function fakeCore(): FakeCore {
  const calls: { channel: string; input: unknown }[] = [];
  const listeners = new Set<CoreListener>();
  return {
    calls,
    listeners,
    invoke(channel: string, input: unknown): Promise<Result<unknown>> {
      calls.push({ channel, input });
      if (channel === 'app.info') return Promise.resolve({ ok: true, value: { version: '0.0.0-test', echo: input } });
      return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: `Unknown channel: ${channel}` } });
    },
    onEvent(listener: CoreListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(name, payload): void {
      for (const listener of listeners) listener(name, payload);
    },
    close(): Promise<void> {
      return Promise.resolve();
    },
  };
}

const CSP = "default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>Fake renderer</title>
    <script type="module" crossorigin src="./assets/app.js"></script>
    <link rel="stylesheet" href="./assets/app.css" />
  </head>
  <body><pre id="info">pending</pre><pre id="events"></pre><pre id="hash"></pre><pre id="order"></pre></body>
</html>
`;

const APP_JS = `
document.getElementById('order').textContent = typeof window.hearken;
document.getElementById('hash').textContent = JSON.stringify(location.hash);
const events = [];
window.hearken.on((name, payload) => {
  events.push({ name, payload });
  document.getElementById('events').textContent = JSON.stringify(events);
});
window.hearken.invoke('app.info', { hello: 'world' }).then((result) => {
  document.getElementById('info').textContent = JSON.stringify(result);
});
`;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(
  bridge: Bridge,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const { port } = new URL(bridge.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: Number(port), path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('loopback test bridge', () => {
  let dir = '';
  let core: FakeCore;
  let bridge: Bridge;
  let browser: Browser | undefined;
  const pages: OpenedPage[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hearken-bridge-'));
    const root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX_HTML);
    writeFileSync(join(root, 'assets', 'app.js'), APP_JS);
    writeFileSync(join(root, 'assets', 'app.css'), 'body { font-family: sans-serif; }');
    writeFileSync(join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    writeFileSync(join(root, 'assets', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
    core = fakeCore();
    bridge = await startBridge({ core, rendererDir: root });
  }, 30_000);

  afterAll(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await bridge?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('injects the bridge script first in <head>', () => {
    const html = injectBridgeScript('<html><head lang="x"><script type="module" src="a.js"></script></head></html>');
    expect(html.indexOf('/__hearken/bridge.js')).toBeGreaterThan(-1);
    expect(html.indexOf('/__hearken/bridge.js')).toBeLessThan(html.indexOf('a.js'));
    expect(() => injectBridgeScript('<html><body></body></html>')).toThrow(/head/);
  });

  it('serves the renderer with content types and the bridge, but no token', async () => {
    const index = await raw(bridge, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.body).toContain('<script src="/__hearken/bridge.js"></script>');
    expect(index.body).not.toContain(bridge.token);

    const types: Record<string, RegExp> = {
      '/assets/app.js': /^text\/javascript/,
      '/assets/app.css': /^text\/css/,
      '/assets/font.woff2': /^font\/woff2$/,
      '/assets/icon.svg': /^image\/svg\+xml$/,
      '/__hearken/bridge.js': /^text\/javascript/,
    };
    for (const [path, type] of Object.entries(types)) {
      const res = await raw(bridge, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(type);
    }
    const script = await raw(bridge, '/__hearken/bridge.js');
    expect(script.body).not.toContain(bridge.token);
    expect((await raw(bridge, '/assets/missing.js')).status).toBe(404);
  });

  it('refuses paths outside the renderer folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/assets%5c..%5c..%5csecret.txt']) {
      const res = await raw(bridge, path);
      expect(res.body, path).not.toContain('outside the renderer');
      expect([403, 404], path).toContain(res.status);
    }
  });

  it('refuses a foreign Host or Origin header', async () => {
    const { port } = new URL(bridge.url);
    expect((await raw(bridge, '/', { headers: { host: `localhost:${port}` } })).status).toBe(403);
    expect((await raw(bridge, '/', { headers: { host: `evil.example:${port}` } })).status).toBe(403);
    const foreign = await raw(bridge, '/__hearken/invoke', {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json', 'x-hearken-token': bridge.token },
      body: JSON.stringify({ channel: 'app.info', input: {} }),
    });
    expect(foreign.status).toBe(403);
  });

  it('invokes the core only with the token and a JSON body', async () => {
    const before = core.calls.length;
    const body = JSON.stringify({ channel: 'app.info', input: { a: 1 } });
    const noToken = await raw(bridge, '/__hearken/invoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(noToken.status).toBe(403);
    const badToken = await raw(bridge, '/__hearken/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hearken-token': 'nope' },
      body,
    });
    expect(badToken.status).toBe(403);
    const notJson = await raw(bridge, '/__hearken/invoke', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-hearken-token': bridge.token },
      body,
    });
    expect(notJson.status).toBe(415);
    const broken = await raw(bridge, '/__hearken/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hearken-token': bridge.token },
      body: '{',
    });
    expect(broken.status).toBe(400);
    expect(core.calls.length).toBe(before);

    const good = await raw(bridge, '/__hearken/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hearken-token': bridge.token },
      body,
    });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toEqual({ ok: true, value: { version: '0.0.0-test', echo: { a: 1 } } });
    expect((await raw(bridge, `/__hearken/events?token=wrong`)).status).toBe(403);
  });

  it(
    'gives the page a working window.hearken under the CSP',
    async () => {
      browser = await launchBrowser();
      const tab = await openPage(browser, `${bridge.url}#token=${bridge.token}`);
      pages.push(tab);
      const { page } = tab;

      await expect.poll(() => page.locator('#info').textContent(), { timeout: 15_000 }).not.toBe('pending');
      expect(JSON.parse((await page.locator('#info').textContent()) ?? '')).toEqual({
        ok: true,
        value: { version: '0.0.0-test', echo: { hello: 'world' } },
      });
      // The bridge ran before the app's module, and the token left the address bar.
      expect(await page.locator('#order').textContent()).toBe('object');
      expect(await page.locator('#hash').textContent()).toBe('""');
      expect(page.url()).not.toContain(bridge.token);

      await expect.poll(() => core.listeners.size, { timeout: 15_000 }).toBeGreaterThan(0);
      core.emit('feedback.changed', { reason: 'demo' });
      await expect
        .poll(() => page.locator('#events').textContent(), { timeout: 15_000 })
        .toBe(JSON.stringify([{ name: 'feedback.changed', payload: { reason: 'demo' } }]));

      expect(tab.consoleErrors).toEqual([]);
      expect(tab.failedRequests).toEqual([]);
      expect(tab.offHostRequests).toEqual([]);

      await tab.close();
      await expect.poll(() => core.listeners.size, { timeout: 15_000 }).toBe(0);
    },
    60_000,
  );

  it(
    'reports and blocks requests that leave 127.0.0.1',
    async () => {
      if (!browser) browser = await launchBrowser();
      const tab = await openPage(browser, `${bridge.url}#token=${bridge.token}`);
      pages.push(tab);
      // A navigation is not bound by the page's CSP, so it reaches the request guard.
      await tab.page.goto('http://example.com/font.woff2').catch(() => null);
      await expect.poll(() => tab.offHostRequests.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(tab.offHostRequests[0]).toContain('example.com');
      await tab.close();
    },
    60_000,
  );
});
